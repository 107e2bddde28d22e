package org.domus.web.internal.ui;

import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.domus.core.Subject;
import org.domus.web.internal.servlet.ShellServices;

/**
 * Reads the signed-in subject afresh at the start of every request of a UI session, so that a role grant
 * given or taken away, or a disabled account, applies at the holder's very next click instead of the next
 * sign-in. Never answers a request itself.
 */
final class SubjectRefresh implements RequestHandler {

    private static final long serialVersionUID = 1L;

    private final transient ShellServices services;

    SubjectRefresh(ShellServices services) {
        this.services = services;
    }

    @Override
    public boolean handleRequest(VaadinSession session, VaadinRequest request, VaadinResponse response) {
        if (session == null) {
            return false;
        }
        session.lock();
        try {
            Subject current = session.getAttribute(Subject.class);
            if (current != null) {
                refresh(session, current, services.accounts().subjectOf(current.accountId()));
            }
        } finally {
            session.unlock();
        }
        return false;
    }

    void refresh(VaadinSession session, Subject current, Optional<Subject> fresh) {
        if (fresh.isEmpty()) {
            // Disabled or deleted: nobody is signed in any more; the next navigation goes to the login page.
            session.setAttribute(Subject.class, null);
            return;
        }
        Subject now = fresh.get();
        if (now.grants().equals(current.grants()) && now.roles().equals(current.roles())) {
            return;
        }
        Subject updated = now.withLocale(current.locale());
        session.setAttribute(Subject.class, updated);
        // A newly granted role that requires TOTP gets nothing else until TOTP is set up, as at sign-in.
        if (services.totp().isRequired(updated)
                && !services.totp().status(updated.accountId()).enabled()) {
            session.setAttribute(SignedIn.MUST_ENROL_TOTP, Boolean.TRUE);
        }
    }
}
