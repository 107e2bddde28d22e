package org.domus.web.internal.registry;

import org.domus.core.registry.RegistryPermissions;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.imports.RegistryImport;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The office's CSV import of the registry. */
@Component(service = ViewContribution.class)
public class ImportContribution extends RegistryContribution {

    @Activate
    public ImportContribution(@Reference RegistryImport imports, @Reference RegistryService registry) {
        super(
                "registry/import",
                ImportView.class,
                "registry.menu.import",
                "UPLOAD",
                GROUP,
                30,
                true,
                RegistryPermissions.IMPORT,
                () -> new ImportView(imports, registry));
    }
}
