package org.domus.ledger.internal;

import org.domus.core.module.ModuleDescriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Announces the ledger module to the platform. */
@Component(service = ModuleDescriptor.class)
public class LedgerModule implements ModuleDescriptor {

    private final String version;

    @Activate
    public LedgerModule(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    public String id() {
        return "ledger";
    }

    @Override
    public String nameKey() {
        return "ledger.module.name";
    }

    @Override
    public String version() {
        return version;
    }
}
