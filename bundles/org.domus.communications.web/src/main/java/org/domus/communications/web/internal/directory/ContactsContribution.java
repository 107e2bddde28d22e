package org.domus.communications.web.internal.directory;

import org.domus.communications.ContactDirectory;
import org.domus.core.registry.RegistryPermissions;
import org.domus.web.StaticViewContribution;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The resident's "Contacts" next to "My home", for everyone who holds or lives in a unit
 * ({@link RegistryPermissions#HOME} follows from current tenures).
 */
@Component(service = ViewContribution.class)
public class ContactsContribution extends StaticViewContribution {

    static final String ROUTE = "communications/contacts";

    @Activate
    public ContactsContribution(@Reference ContactDirectory directory) {
        super(
                ROUTE,
                ContactsView.class,
                "communications.directory.contacts.menu",
                "PHONE",
                "menu.group.main",
                14,
                true,
                RegistryPermissions.HOME,
                null,
                () -> new ContactsView(directory));
    }
}
