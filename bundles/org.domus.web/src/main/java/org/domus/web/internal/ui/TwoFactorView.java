package org.domus.web.internal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.account.TotpEnrolment;
import org.domus.core.account.TotpService;
import org.domus.core.account.TotpStatus;
import org.domus.web.DomusUi;
import org.domus.web.internal.servlet.ShellServices;

/**
 * Two-factor authentication of the signed-in user: enrolment by QR code or key, recovery codes, switching
 * off. Users whose role requires TOTP are sent here right after signing in until they have enrolled.
 */
@Route(value = "account/two-factor", layout = MainLayout.class)
public class TwoFactorView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient TotpService totp;
    private final Div content = new Div();

    public TwoFactorView(ShellServices services) {
        this.totp = services.totp();
        addClassName("domus-page");
        add(new H2(getTranslation("totp.title")));
        if (SignedIn.mustEnrolTotp()) {
            Paragraph forced = new Paragraph(getTranslation("totp.forced"));
            forced.setId("totp-forced");
            forced.getStyle().set("color", "var(--lumo-error-text-color)");
            add(forced);
        }
        content.setWidthFull();
        add(content);
        show();
    }

    private void show() {
        content.removeAll();
        Subject subject = DomusUi.requireSubject();
        TotpStatus status = totp.status(subject.accountId());
        if (!status.enabled()) {
            Paragraph intro = new Paragraph(getTranslation("totp.intro"));
            Button start = new Button(getTranslation("totp.start"), e -> enrol(subject));
            start.setId("totp-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            content.add(intro, start);
            return;
        }
        Paragraph on = new Paragraph(getTranslation("totp.enabled", status.recoveryCodesLeft()));
        on.setId("totp-status");
        content.add(on);

        TextField regenerateCode = codeField("totp-regenerate-code");
        Button regenerate = new Button(getTranslation("totp.recovery.regenerate"), e -> {
            try {
                showRecoveryCodes(totp.regenerateRecoveryCodes(subject, regenerateCode.getValue()));
            } catch (DomusException ex) {
                regenerateCode.clear();
                DomusUi.showError(ex);
            }
        });
        regenerate.setId("totp-regenerate");
        content.add(new H3(getTranslation("totp.recovery.title")), regenerateCode, regenerate);

        if (!status.required()) {
            PasswordField password = new PasswordField(getTranslation("totp.disable.password"));
            password.setId("totp-disable-password");
            password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
            TextField disableCode = codeField("totp-disable-code");
            Button disable = new Button(getTranslation("totp.disable"), e -> {
                char[] chars = password.getValue().toCharArray();
                try {
                    totp.disable(subject, chars, disableCode.getValue());
                    DomusUi.showSuccess("totp.disabled");
                    show();
                } catch (DomusException ex) {
                    password.clear();
                    disableCode.clear();
                    DomusUi.showError(ex);
                } finally {
                    java.util.Arrays.fill(chars, '\0');
                }
            });
            disable.setId("totp-disable");
            disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
            content.add(new H3(getTranslation("totp.disable.title")), password, disableCode, disable);
        } else {
            content.add(new Paragraph(getTranslation("totp.required.text")));
        }
    }

    private void enrol(Subject subject) {
        TotpEnrolment enrolment;
        try {
            enrolment = totp.beginEnrolment(subject);
        } catch (DomusException ex) {
            DomusUi.showError(ex);
            return;
        }
        content.removeAll();
        Image qr = new Image(enrolment.qrPng(), getTranslation("totp.qr.alt"));
        qr.setId("totp-qr");
        qr.setWidth("240px");
        qr.setHeight("240px");
        Span secret = new Span(group(enrolment.secret()));
        secret.setId("totp-secret");
        secret.addClassName("domus-secret");
        TextField code = codeField("totp-confirm-code");
        Button confirm = new Button(getTranslation("totp.confirm"), e -> {
            try {
                List<String> codes = totp.confirmEnrolment(subject, code.getValue());
                SignedIn.totpEnrolled();
                showRecoveryCodes(codes);
            } catch (DomusException ex) {
                code.clear();
                code.setInvalid(true);
                code.setErrorMessage(DomusUi.translate(ex.messageKey()));
            }
        });
        confirm.setId("totp-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        content.add(
                new Paragraph(getTranslation("totp.scan")),
                qr,
                new Paragraph(getTranslation("totp.manual")),
                secret,
                code,
                confirm);
        code.focus();
    }

    private void showRecoveryCodes(List<String> codes) {
        content.removeAll();
        UnorderedList list = new UnorderedList();
        list.setId("recovery-codes");
        list.addClassName("domus-secret");
        codes.forEach(c -> list.add(new ListItem(c)));
        Button done = new Button(getTranslation("totp.continue"), e -> getUI().ifPresent(ui -> ui.navigate("")));
        done.setId("totp-continue");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(
                new Paragraph(getTranslation("totp.on")),
                new H3(getTranslation("totp.recovery.title")),
                new Paragraph(getTranslation("totp.recovery.text")),
                list,
                done);
    }

    private TextField codeField(String id) {
        TextField field = new TextField(getTranslation("login.code.label"));
        field.setId(id);
        field.getElement().setAttribute("autocomplete", "one-time-code");
        field.setMaxLength(19);
        return field;
    }

    /** The key in groups of four, easier to type from the screen. */
    static String group(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("totp.title") + " · Domus";
    }
}
