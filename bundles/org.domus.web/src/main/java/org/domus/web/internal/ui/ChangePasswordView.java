package org.domus.web.internal.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.Arrays;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.web.DomusUi;
import org.domus.web.internal.servlet.ShellServices;

/** Lets the signed-in user choose a new password; the only page reachable while one is required. */
@Route(value = "change-password", layout = MainLayout.class)
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    public ChangePasswordView(ShellServices services) {
        addClassName("domus-page");
        add(new H2(getTranslation("password.title")));
        if (SignedIn.mustChangePassword()) {
            Paragraph forced = new Paragraph(getTranslation("password.forced"));
            forced.getStyle().set("color", "var(--lumo-error-text-color)");
            add(forced);
        }
        ChangePasswordForm form = new ChangePasswordForm(this::getTranslation);
        form.addSubmitListener(event -> {
            Subject subject = DomusUi.requireSubject();
            try {
                services.accounts().changePassword(subject.accountId(), event.current(), event.newPassword());
                SignedIn.passwordChanged();
                DomusUi.showSuccess("password.changed");
                getUI().ifPresent(ui -> {
                    if (SignedIn.mustEnrolTotp()) {
                        ui.navigate(TwoFactorView.class);
                    } else {
                        ui.navigate("");
                    }
                });
            } catch (DomusException e) {
                form.clear();
                DomusUi.showError(e);
            } finally {
                Arrays.fill(event.current(), '\0');
                Arrays.fill(event.newPassword(), '\0');
            }
        });
        add(form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " · Domus";
    }
}
