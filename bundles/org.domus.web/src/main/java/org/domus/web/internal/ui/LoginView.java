package org.domus.web.internal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import org.domus.core.Subject;
import org.domus.core.account.AuthenticationResult;
import org.domus.web.internal.servlet.ShellServices;

/**
 * Sign-in page. Every failure shows the same message except a locked account, which says so. Accounts
 * with TOTP get a second step that asks for the code (or a recovery code); the correct password is
 * represented only by the service's short-lived challenge, never kept in the session.
 */
@Route("login")
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient ShellServices services;
    private final LoginForm form = new LoginForm();
    private final Div secondStep = new Div();
    private final TextField code = new TextField();
    private final Paragraph codeError = new Paragraph();
    private String challenge;

    public LoginView(ShellServices services) {
        this.services = services;
        addClassName("domus-login");
        // The login page's main landmark (there is no navbar or menu around it).
        getElement().setAttribute("role", "main");
        setPadding(false);
        Image logo = new Image("icons/icon.png", "Domus");
        logo.setWidth("72px");
        logo.setHeight("72px");
        form.setI18n(i18n(false));
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> login(event.getUsername(), event.getPassword()));
        LanguageSelect language = new LanguageSelect(getLocale());
        language.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                SignedIn.applyLocale(event.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        buildSecondStep();
        add(logo, form, secondStep, language);
        getElement().executeJs("document.documentElement.lang = $0", getLocale().getLanguage());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (VaadinSession.getCurrent().getAttribute(Subject.class) != null) {
            event.forwardTo(HomeView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Domus";
    }

    private void login(String login, String password) {
        AuthenticationResult result =
                services.accounts().authenticate(login, password.toCharArray(), SignedIn.client());
        if (result.outcome() == AuthenticationResult.Outcome.SECOND_FACTOR_REQUIRED) {
            challenge = result.challenge();
            form.setVisible(false);
            secondStep.setVisible(true);
            code.clear();
            codeError.setVisible(false);
            code.focus();
            return;
        }
        if (!result.succeeded()) {
            form.setI18n(i18n(result.outcome() == AuthenticationResult.Outcome.LOCKED));
            form.setError(true);
            return;
        }
        proceed(result);
    }

    private void buildSecondStep() {
        secondStep.setId("totp-step");
        secondStep.addClassName("domus-card");
        secondStep.setMaxWidth("22rem");
        H2 title = new H2(getTranslation("login.code.title"));
        code.setId("totp-code");
        code.setLabel(getTranslation("login.code.label"));
        code.setHelperText(getTranslation("login.code.help"));
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(19);
        code.setWidthFull();
        codeError.setId("totp-error");
        codeError.getElement().setAttribute("role", "alert");
        codeError.getStyle().set("color", "var(--lumo-error-text-color)");
        codeError.setVisible(false);
        Button submit = new Button(getTranslation("login.code.submit"), e -> secondFactor());
        submit.setId("totp-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        Button back = new Button(getTranslation("login.code.back"), e -> {
            challenge = null;
            secondStep.setVisible(false);
            form.setVisible(true);
            form.setEnabled(true);
        });
        back.setId("totp-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        secondStep.add(title, new Paragraph(getTranslation("login.code.text")), code, codeError, submit, back);
        secondStep.setVisible(false);
    }

    private void secondFactor() {
        AuthenticationResult result =
                services.accounts().completeSecondFactor(challenge, code.getValue(), SignedIn.client());
        if (!result.succeeded()) {
            code.clear();
            // One message for a wrong, reused or expired code: the page does not say which.
            codeError.setText(getTranslation(
                    result.outcome() == AuthenticationResult.Outcome.LOCKED
                            ? "login.locked.text"
                            : "login.code.failed"));
            codeError.setVisible(true);
            code.focus();
            return;
        }
        challenge = null;
        proceed(result);
    }

    private void proceed(AuthenticationResult result) {
        SignedIn.start(services, result.subject(), result.mustChangePassword(), result.secondFactorEnrolmentRequired());
        VaadinSession session = VaadinSession.getCurrent();
        Object wanted = session.getAttribute(SignedIn.AFTER_LOGIN);
        session.setAttribute(SignedIn.AFTER_LOGIN, null);
        UI ui = UI.getCurrent();
        if (result.mustChangePassword()) {
            ui.navigate(ChangePasswordView.class);
        } else if (result.secondFactorEnrolmentRequired()) {
            ui.navigate(TwoFactorView.class);
        } else if (wanted != null) {
            Location location = new Location(wanted.toString());
            ui.navigate(location.getPath(), location.getQueryParameters());
        } else {
            ui.navigate(HomeView.class);
        }
        // A new locale from the account takes effect on a fresh render.
        if (!ui.getLocale().equals(getLocale())) {
            ui.getPage().reload();
        }
    }

    private LoginI18n i18n(boolean locked) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Header header = new LoginI18n.Header();
        header.setTitle("Domus");
        header.setDescription(getTranslation("app.tagline"));
        i18n.setHeader(header);
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        texts.setForgotPassword(getTranslation("login.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(locked ? "login.locked.title" : "login.failed.title"));
        error.setMessage(getTranslation(locked ? "login.locked.text" : "login.failed.text"));
        i18n.setAdditionalInformation(null);
        return i18n;
    }
}
