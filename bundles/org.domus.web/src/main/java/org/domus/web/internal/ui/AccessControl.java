package org.domus.web.internal.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.web.ViewContribution;
import org.domus.web.internal.servlet.ShellServices;

/**
 * The gate in front of every view: anonymous users go to the login page (except for the sign-in page itself
 * and public module views, see {@link ViewContribution#isPublic()}), users who must change their
 * password go nowhere else, and views whose permission the subject lacks show "access denied" to staff and
 * "page not found" to residents (as REST answers 404 to them: nothing about staff pages or others' objects).
 */
public final class AccessControl implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    private final transient ShellServices services;

    public AccessControl(ShellServices services) {
        this.services = services;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
        event.addRequestHandler(new SubjectRefresh(services));
    }

    void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (openToAnyone(target, services.views().byViewClass(target))) {
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        Optional<Subject> subject = Optional.ofNullable(session.getAttribute(Subject.class));
        if (subject.isPresent() && !serverSessionAlive()) {
            // Signed out elsewhere (REST logout, expiry, admin): the UI session ends too.
            session.setAttribute(Subject.class, null);
            subject = Optional.empty();
        }
        if (subject.isEmpty()) {
            String path = event.getLocation().getPathWithQueryParameters();
            session.setAttribute(SignedIn.AFTER_LOGIN, path.isEmpty() ? null : path);
            // Forward, not reroute, so that the address bar shows /login.
            event.forwardTo(LoginView.class);
            return;
        }
        if (SignedIn.mustChangePassword() && target != ChangePasswordView.class) {
            event.rerouteTo(ChangePasswordView.class);
            return;
        }
        if (!SignedIn.mustChangePassword() && target != TermsView.class && !termsAccepted(subject.get())) {
            event.rerouteTo(TermsView.class);
            return;
        }
        // Roles that require TOTP reach nothing else until it is set up (after the new password).
        // The terms come before the enrolment: sending the terms page on to it would loop.
        if (!SignedIn.mustChangePassword()
                && SignedIn.mustEnrolTotp()
                && target != TwoFactorView.class
                && target != TermsView.class) {
            event.rerouteTo(TwoFactorView.class);
            return;
        }
        Optional<ViewContribution> contribution = services.views().byViewClass(target);
        Subject current = subject.get();
        boolean denied = contribution
                .flatMap(ViewContribution::requiredPermission)
                .map(permission -> !services.accessPolicy().isGranted(current, permission))
                .orElse(false);
        if (denied && hasStaffGrant(current)) {
            event.rerouteToError(AccessDeniedException.class);
        } else if (denied) {
            // As over REST: to someone without any staff grant (a resident) a refused page is "not found".
            event.rerouteToError(NotFoundException.class);
        }
    }

    /**
     * Whether the gate lets every visitor through without looking at the session: the sign-in page and
     * module views that declare themselves {@link ViewContribution#isPublic() public} (their permission, if
     * any, is ignored). Anything else needs a subject.
     */
    static boolean openToAnyone(Class<?> target, Optional<ViewContribution> contribution) {
        return target == LoginView.class
                || contribution.map(ViewContribution::isPublic).orElse(false);
    }

    private static boolean hasStaffGrant(Subject subject) {
        return subject.grants().stream().anyMatch(g -> g.role() != Role.RESIDENT);
    }

    /** Asked once per session: after the first yes the answer stays in the session. */
    private boolean termsAccepted(Subject subject) {
        VaadinSession session = VaadinSession.getCurrent();
        if (Boolean.TRUE.equals(session.getAttribute(SignedIn.TERMS_ACCEPTED))) {
            return true;
        }
        boolean accepted = services.consents().hasAcceptedCurrentTerms(subject.accountId());
        if (accepted) {
            session.setAttribute(SignedIn.TERMS_ACCEPTED, Boolean.TRUE);
        }
        return accepted;
    }

    private boolean serverSessionAlive() {
        return SignedIn.token()
                .flatMap(token -> services.sessions().resolve(token))
                .isPresent();
    }
}
