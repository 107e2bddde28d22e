package org.domus.web.internal.registry;

import org.domus.core.account.AccountService;
import org.domus.core.privacy.PersonalDataService;
import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The resident's "My home", first in the menu for residents and for staff who also hold a unit
 * ({@link RegistryPermissions#HOME} follows from tenures). The service shows only the signed-in person's own
 * units.
 */
@Component(service = ViewContribution.class)
public class MyHomeContribution extends RegistryContribution {

    @Activate
    public MyHomeContribution(
            @Reference RegistryService registry,
            @Reference PersonalDataService privacy,
            @Reference AccountService accounts) {
        super(
                "my-home",
                MyHomeView.class,
                "registry.menu.myHome",
                "HOME",
                "menu.group.main",
                5,
                true,
                RegistryPermissions.HOME,
                () -> new MyHomeView(registry, privacy, accounts));
    }
}
