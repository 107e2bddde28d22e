package org.domus.rest.internal.resources;

import java.util.Arrays;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.account.AccountService;
import org.domus.core.account.AuthenticationResult;
import org.domus.core.account.ClientInfo;
import org.domus.core.account.SessionService;
import org.domus.rest.ClientAddress;
import org.domus.rest.Doc;
import org.domus.rest.DomusRest;
import org.domus.rest.Public;
import org.domus.rest.ValidationException;
import org.domus.rest.internal.WithoutTotpEnrolment;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/session}: password sign-in for browser clients without the web UI (single-page apps,
 * scripts that then create a token). Sets the same {@code DOMUS_SESSION} cookie the UI uses.
 */
@Component(service = SessionResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(DomusRest.APPLICATION_SELECT)
@WithoutTotpEnrolment
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Doc("Password sign-in and sign-out")
public class SessionResource {

    /**
     * Sign-in input.
     *
     * @param code the current TOTP code or a recovery code; required when the account uses two-factor
     *     authentication
     */
    public record Credentials(String login, String password, String code) {}

    /**
     * The signed-in account right after sign-in.
     *
     * @param totpEnrolmentRequired the account's role requires TOTP and none is set up: enrol through
     *     {@code /api/me/totp} before anything else
     */
    public record SignedIn(
            long id, String login, String displayName, boolean mustChangePassword, boolean totpEnrolmentRequired) {}

    private final AccountService accounts;
    private final SessionService sessions;

    @Activate
    public SessionResource(@Reference AccountService accounts, @Reference SessionService sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Doc(
            value = "Sign in with login and password",
            response = SignedIn.class,
            description = "Sets the HttpOnly session cookie DOMUS_SESSION. Accounts with two-factor "
                    + "authentication must send `code` (the current TOTP code, accepted once only, or a recovery "
                    + "code). Every failure (wrong password, missing or wrong code, unknown login, locked or "
                    + "disabled account) is the same 401, so logins cannot be probed.")
    public Response signIn(Credentials credentials, @Context HttpServletRequest http) {
        ValidationException.Builder errors = ValidationException.builder();
        if (credentials == null
                || credentials.login() == null
                || credentials.login().isBlank()) {
            errors.add("login", "validation.required");
        }
        if (credentials == null
                || credentials.password() == null
                || credentials.password().isEmpty()) {
            errors.add("password", "validation.required");
        }
        errors.throwIfAny();
        ClientInfo client = new ClientInfo(
                http == null ? null : ClientAddress.of(http),
                http == null ? null : http.getHeader(HttpHeaders.USER_AGENT));
        char[] password = credentials.password().toCharArray();
        AuthenticationResult result;
        try {
            result = accounts.authenticate(credentials.login().strip(), password, credentials.code(), client);
        } finally {
            Arrays.fill(password, '\0');
        }
        Subject subject = result.subjectIfSucceeded()
                .orElseThrow(() -> new DomusException(DomusException.Kind.UNAUTHENTICATED, "error.login_failed"));
        String token = sessions.open(subject, client);
        boolean secure = http != null && http.isSecure();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new SignedIn(
                        subject.accountId(),
                        subject.login(),
                        subject.displayName(),
                        result.mustChangePassword(),
                        result.secondFactorEnrolmentRequired()))
                .header(HttpHeaders.SET_COOKIE, cookie(token, -1, secure))
                .cacheControl(noStore)
                .build();
    }

    @DELETE
    @Doc(value = "Sign out: ends the session of the cookie", status = 204)
    public Response signOut(@Context HttpHeaders headers, @Context HttpServletRequest http) {
        Cookie cookie = headers.getCookies().get(SessionService.COOKIE);
        if (cookie == null) {
            // Signed in by token: there is no session to end.
            throw new DomusException(DomusException.Kind.CONFLICT, "error.no_session");
        }
        sessions.close(cookie.getValue());
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", 0, http != null && http.isSecure()))
                .build();
    }

    /** Written by hand: JAX-RS 2.1's NewCookie cannot say SameSite. */
    static String cookie(String value, int maxAge, boolean secure) {
        StringBuilder header = new StringBuilder(SessionService.COOKIE)
                .append('=')
                .append(value)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAge >= 0) {
            header.append("; Max-Age=").append(maxAge);
        }
        if (secure) {
            header.append("; Secure");
        }
        return header.toString();
    }
}
