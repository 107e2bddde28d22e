package org.domus.core.internal;

import org.domus.core.module.ModuleDescriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The platform announces itself like any module, so health and the UI list it too. */
@Component(service = ModuleDescriptor.class, property = "domus.module=platform")
public class PlatformModule implements ModuleDescriptor {

    private final String version;

    @Activate
    public PlatformModule(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    public String id() {
        return "platform";
    }

    @Override
    public String nameKey() {
        return "module.platform.name";
    }

    @Override
    public String version() {
        return version;
    }
}
