package org.domus.web.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import org.domus.core.Subject;
import org.domus.core.account.Account;
import org.domus.core.account.ClientInfo;
import org.domus.web.internal.i18n.MessageCatalog;
import org.domus.web.internal.servlet.ShellServices;
import org.domus.web.internal.servlet.SignOutServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signing in and out of the UI session; the subject lives in the Vaadin session under its class. */
public final class SignedIn {

    private static final Logger LOG = LoggerFactory.getLogger(SignedIn.class);

    static final String TOKEN = "domus.sessionToken";
    static final String MUST_CHANGE_PASSWORD = "domus.mustChangePassword";
    static final String AFTER_LOGIN = "domus.afterLogin";
    static final String MUST_ENROL_TOTP = "domus.mustEnrolTotp";
    static final String TERMS_ACCEPTED = "domus.termsAccepted";

    private SignedIn() {}

    static ClientInfo client() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null
                ? new ClientInfo("unknown", null)
                : new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    /**
     * Starts the signed-in session: a new HTTP session id (no fixation), the subject in the Vaadin
     * session, a server session for REST calls in the cookie, the account's language.
     */
    static void start(ShellServices services, Subject subject, boolean mustChangePassword, boolean mustEnrolTotp) {
        VaadinRequest request = VaadinRequest.getCurrent();
        VaadinService.reinitializeSession(request);
        VaadinSession session = VaadinSession.getCurrent();
        String token = services.sessions().open(subject, client());
        session.setAttribute(Subject.class, subject);
        session.setAttribute(TOKEN, token);
        session.setAttribute(MUST_CHANGE_PASSWORD, mustChangePassword ? Boolean.TRUE : null);
        session.setAttribute(MUST_ENROL_TOTP, mustEnrolTotp ? Boolean.TRUE : null);
        session.setAttribute(TERMS_ACCEPTED, null);
        addCookie(SessionCookie.set(token, request.isSecure()));
        services.accounts()
                .findById(subject.accountId())
                .map(Account::locale)
                .ifPresent(locale -> applyLocale(MessageCatalog.supported(locale)));
    }

    /**
     * Ends the server session, drops the cookie and the subject, and sends the browser to {@link SignOutServlet},
     * which ends the HTTP and Vaadin session and goes on to the login page.
     */
    public static void end(ShellServices services) {
        VaadinSession session = VaadinSession.getCurrent();
        Object token = session.getAttribute(TOKEN);
        if (token != null) {
            try {
                services.sessions().close(token.toString());
            } catch (RuntimeException e) {
                // Signing out must never fail for the user; the server session expires on its own.
                LOG.warn("Closing the server session failed", e);
            }
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        addCookie(SessionCookie.clear(request != null && request.isSecure()));
        session.setAttribute(Subject.class, null);
        session.setAttribute(TOKEN, null);
        // The HTTP session is invalidated by the next request, once the browser leaves this page (see there).
        session.getSession().setAttribute(SignOutServlet.SIGNED_OUT, Boolean.TRUE);
        UI.getCurrent().getPage().setLocation(SignOutServlet.PATH.substring(1));
    }

    static Optional<String> token() {
        VaadinSession session = VaadinSession.getCurrent();
        return Optional.ofNullable(session == null ? null : (String) session.getAttribute(TOKEN));
    }

    static boolean mustChangePassword() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(MUST_CHANGE_PASSWORD));
    }

    static boolean mustEnrolTotp() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(MUST_ENROL_TOTP));
    }

    static void totpEnrolled() {
        VaadinSession.getCurrent().setAttribute(MUST_ENROL_TOTP, null);
    }

    static void passwordChanged() {
        VaadinSession.getCurrent().setAttribute(MUST_CHANGE_PASSWORD, null);
    }

    /** Switches the session's and every open UI's language. */
    static void applyLocale(Locale locale) {
        VaadinSession session = VaadinSession.getCurrent();
        session.setLocale(locale);
        session.getUIs().forEach(ui -> ui.setLocale(locale));
        Subject subject = session.getAttribute(Subject.class);
        if (subject != null) {
            session.setAttribute(Subject.class, subject.withLocale(locale));
        }
    }

    private static void addCookie(String header) {
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response instanceof VaadinServletResponse servletResponse) {
            servletResponse.getHttpServletResponse().addHeader("Set-Cookie", header);
        }
    }
}
