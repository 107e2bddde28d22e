package org.domus.web.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import org.domus.core.Subject;
import org.domus.core.account.AuthenticationResult;
import org.domus.web.internal.servlet.ShellServices;

/** Sign-in page. Every failure shows the same message except a locked account, which says so. */
@Route("login")
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient ShellServices services;
    private final LoginForm form = new LoginForm();

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
        add(logo, form, language);
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
        if (!result.succeeded()) {
            form.setI18n(i18n(result.outcome() == AuthenticationResult.Outcome.LOCKED));
            form.setError(true);
            return;
        }
        SignedIn.start(services, result.subject(), result.mustChangePassword());
        VaadinSession session = VaadinSession.getCurrent();
        Object wanted = session.getAttribute(SignedIn.AFTER_LOGIN);
        session.setAttribute(SignedIn.AFTER_LOGIN, null);
        UI ui = UI.getCurrent();
        if (result.mustChangePassword()) {
            ui.navigate(ChangePasswordView.class);
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
