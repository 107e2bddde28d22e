package org.domus.web.internal.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.Optional;
import org.domus.core.access.Permission;
import org.domus.web.ViewContribution;
import org.junit.jupiter.api.Test;

class AccessControlTest {

    /** A module's public form: anonymous visitors reach it. */
    public static class ReportForm extends Div {}

    private static ViewContribution contribution(boolean open, Permission permission) {
        return new ViewContribution() {
            @Override
            public String route() {
                return "tickets/report";
            }

            @Override
            public Class<? extends Component> viewClass() {
                return ReportForm.class;
            }

            @Override
            public String labelKey() {
                return "tickets.report";
            }

            @Override
            public String icon() {
                return "HOME";
            }

            @Override
            public boolean isPublic() {
                return open;
            }

            @Override
            public Optional<Permission> requiredPermission() {
                return Optional.ofNullable(permission);
            }
        };
    }

    @Test
    void theSignInPageAndPublicViewsNeedNoSubject() {
        assertTrue(AccessControl.openToAnyone(LoginView.class, Optional.empty()));
        assertTrue(AccessControl.openToAnyone(ReportForm.class, Optional.of(contribution(true, null))));
        // a permission on a public view is ignored: the view is public or it is not
        assertTrue(AccessControl.openToAnyone(
                ReportForm.class, Optional.of(contribution(true, new Permission("tickets.read")))));
    }

    @Test
    void everythingElseNeedsASignedInSubject() {
        assertFalse(AccessControl.openToAnyone(ReportForm.class, Optional.of(contribution(false, null))));
        assertFalse(AccessControl.openToAnyone(HomeView.class, Optional.empty()));
        assertFalse(AccessControl.openToAnyone(ChangePasswordView.class, Optional.empty()));
    }
}
