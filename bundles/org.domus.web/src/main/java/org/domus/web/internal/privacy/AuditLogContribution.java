package org.domus.web.internal.privacy;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.domus.core.access.Permission;
import org.domus.core.audit.AuditPermissions;
import org.domus.core.audit.AuditService;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

/** The audit log in the administration menu, for holders of platform.audit.read (administrators). */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class AuditLogContribution implements ViewContribution {

    private final AuditService audit;

    @Activate
    public AuditLogContribution(@Reference AuditService audit) {
        this.audit = audit;
    }

    @Override
    public String route() {
        return "admin/audit";
    }

    @Override
    public Class<? extends Component> viewClass() {
        return AuditLogView.class;
    }

    @Override
    public String labelKey() {
        return "audit.menu";
    }

    @Override
    public String icon() {
        return "RECORDS";
    }

    @Override
    public String group() {
        return "menu.group.administration";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Permission> requiredPermission() {
        return Optional.of(AuditPermissions.READ);
    }

    @Override
    public Component createView() {
        return new AuditLogView(audit);
    }
}
