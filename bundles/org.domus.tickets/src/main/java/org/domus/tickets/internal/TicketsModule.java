package org.domus.tickets.internal;

import org.domus.core.module.ModuleDescriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Announces the tickets module to the platform. */
@Component(service = ModuleDescriptor.class)
public class TicketsModule implements ModuleDescriptor {

    private final String version;

    @Activate
    public TicketsModule(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    public String id() {
        return "tickets";
    }

    @Override
    public String nameKey() {
        return "tickets.module.name";
    }

    @Override
    public String version() {
        return version;
    }
}
