package org.domus.itest.sample.internal;

import org.domus.core.module.ModuleDescriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Announces the sample module to the platform. */
@Component(service = ModuleDescriptor.class)
public class SampleModule implements ModuleDescriptor {

    private final String version;

    @Activate
    public SampleModule(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    public String id() {
        return "sample";
    }

    @Override
    public String nameKey() {
        return "sample.module.name";
    }

    @Override
    public String version() {
        return version;
    }
}
