package org.domus.communications.internal;

import org.domus.core.module.ModuleDescriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Announces the communications module to the platform. */
@Component(service = ModuleDescriptor.class)
public class CommunicationsModule implements ModuleDescriptor {

    private final String version;

    @Activate
    public CommunicationsModule(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    public String id() {
        return "communications";
    }

    @Override
    public String nameKey() {
        return "communications.module.name";
    }

    @Override
    public String version() {
        return version;
    }
}
