package org.domus.web.internal.servlet;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The last step of signing out, at {@value #PATH}: the UI has closed the server session, dropped the cookie and
 * forgotten the subject, marked the HTTP session {@value #SIGNED_OUT} and sent the browser here. This request
 * invalidates the HTTP session (and with it the Vaadin session) and redirects to the login page.
 *
 * <p>Invalidating inside the UI's own request raced with the page's other connections (the push long poll
 * reconnecting, a queued UI request): one of them met a session that no longer existed, got the start page's HTML
 * instead of JSON and the browser showed "Invalid JSON response from server" instead of the login page. Here the
 * page is being left: nothing of it asks the server any more. A session not marked signed out (a link to this
 * address on someone else's page) is left alone.
 */
@Component(
        service = Servlet.class,
        property = {
            HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=domus-sign-out",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + SignOutServlet.PATH,
            HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=("
                    + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
                    + DomusServletContextHelper.NAME + ")"
        })
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The address the UI sends a signing-out browser to. */
    public static final String PATH = "/sign-out";

    /** HTTP session attribute: the UI has signed the session out; this servlet may invalidate it. */
    public static final String SIGNED_OUT = "domus.signedOut";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(SIGNED_OUT))) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // invalidated meanwhile (expired): nothing left to end
            }
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect("login");
    }
}
