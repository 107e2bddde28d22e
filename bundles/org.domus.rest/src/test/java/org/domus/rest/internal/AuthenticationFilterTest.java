package org.domus.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.container.ResourceInfo;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.AccessToken;
import org.domus.core.account.AccessTokenService;
import org.domus.core.account.ClientInfo;
import org.domus.core.account.SessionService;
import org.domus.core.account.TotpEnrolment;
import org.domus.core.account.TotpService;
import org.domus.core.account.TotpStatus;
import org.domus.rest.DomusRest;
import org.domus.rest.Public;
import org.junit.jupiter.api.Test;

class AuthenticationFilterTest {

    static final Subject ALICE = Subject.of(
            7, "alice", "Alice", Locale.ENGLISH, Set.of(RoleGrant.scoped(Role.MANAGER, ScopeType.ORGANISATION, 1)));
    static final String GOOD_TOKEN = "domus_pat_good";
    static final String GOOD_SESSION = "session-good";

    static class Resources {
        public void secret() {}

        @Public
        public void open() {}
    }

    static class Enrolment {
        @WithoutTotpEnrolment
        public void enrol() {}

        public void other() {}
    }

    @Public
    static class PublicResource {
        public void anything() {}
    }

    static ResourceInfo resource(Class<?> type, String method) {
        try {
            Method m = type.getMethod(method);
            return new ResourceInfo() {
                @Override
                public Method getResourceMethod() {
                    return m;
                }

                @Override
                public Class<?> getResourceClass() {
                    return type;
                }
            };
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    static final AccessTokenService TOKENS = new AccessTokenService() {
        @Override
        public AccessToken.Issued create(Subject owner, String name, Instant expiresAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccessToken> list(Subject owner) {
            return List.of();
        }

        @Override
        public void revoke(Subject owner, long tokenId) {}

        @Override
        public Optional<Subject> resolve(String secret) {
            return GOOD_TOKEN.equals(secret) ? Optional.of(ALICE) : Optional.empty();
        }
    };

    static final SessionService SESSIONS = new SessionService() {
        @Override
        public String open(Subject subject, ClientInfo client) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Subject> resolve(String token) {
            return GOOD_SESSION.equals(token) ? Optional.of(ALICE) : Optional.empty();
        }

        @Override
        public void close(String token) {}

        @Override
        public Duration idleTimeout() {
            return Duration.ofMinutes(30);
        }
    };

    private static AuthenticationFilter filter(ResourceInfo info) {
        return new AuthenticationFilter(TOKENS, SESSIONS, info);
    }

    private static void assertUnauthenticated(Runnable call) {
        DomusException e = assertThrows(DomusException.class, call::run);
        assertEquals(DomusException.Kind.UNAUTHENTICATED, e.kind());
        assertEquals("error.unauthenticated", e.messageKey());
    }

    @Test
    void publicMethodPassesWithoutCredentials() {
        FakeRequest request = new FakeRequest("GET", "http://localhost:8181/api/health");
        filter(resource(Resources.class, "open")).filter(request);
        assertNull(request.securityContext);
        assertNull(request.aborted);
    }

    @Test
    void publicClassPassesWithoutCredentials() {
        FakeRequest request = new FakeRequest("POST", "http://localhost:8181/api/x");
        filter(resource(PublicResource.class, "anything")).filter(request);
        assertNull(request.securityContext);
    }

    @Test
    void protectedMethodWithoutCredentialsIsUnauthenticated() {
        FakeRequest request = new FakeRequest("GET", "http://localhost:8181/api/me");
        assertUnauthenticated(() -> filter(resource(Resources.class, "secret")).filter(request));
    }

    @Test
    void validBearerTokenSetsTheSubjectPrincipal() {
        FakeRequest request = new FakeRequest("DELETE", "https://domus.example/api/me/tokens/1")
                .header("Authorization", "Bearer " + GOOD_TOKEN);
        filter(resource(Resources.class, "secret")).filter(request);
        var context = request.securityContext;
        assertEquals(ALICE, ((DomusRest.SubjectPrincipal) context.getUserPrincipal()).subject());
        assertEquals("alice", context.getUserPrincipal().getName());
        assertTrue(context.isUserInRole("MANAGER"));
        assertFalse(context.isUserInRole("ADMIN"));
        assertTrue(context.isSecure(), "https request");
        assertEquals("Bearer", context.getAuthenticationScheme());
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        FakeRequest request =
                new FakeRequest("GET", "http://localhost/api/me").header("Authorization", "bearer " + GOOD_TOKEN);
        filter(resource(Resources.class, "secret")).filter(request);
        assertEquals(ALICE, DomusRest.subject(request.securityContext));
        assertFalse(request.securityContext.isSecure());
    }

    @Test
    void unknownTokenIsUnauthenticatedEvenWithAValidCookie() {
        FakeRequest request = new FakeRequest("GET", "http://localhost/api/me")
                .header("Authorization", "Bearer domus_pat_revoked")
                .cookie(SessionService.COOKIE, GOOD_SESSION);
        assertUnauthenticated(() -> filter(resource(Resources.class, "secret")).filter(request));
    }

    @Test
    void otherAuthorizationSchemesAreUnauthenticated() {
        FakeRequest request =
                new FakeRequest("GET", "http://localhost/api/me").header("Authorization", "Basic YWxpY2U6c2VjcmV0");
        assertUnauthenticated(() -> filter(resource(Resources.class, "secret")).filter(request));
    }

    @Test
    void badTokenOnAPublicResourceIsAnonymous() {
        FakeRequest request =
                new FakeRequest("GET", "http://localhost/api/health").header("Authorization", "Bearer nope");
        filter(resource(Resources.class, "open")).filter(request);
        assertNull(request.securityContext);
    }

    @Test
    void validSessionCookieAuthenticatesSafeMethods() {
        FakeRequest request =
                new FakeRequest("GET", "http://localhost/api/me").cookie(SessionService.COOKIE, GOOD_SESSION);
        filter(resource(Resources.class, "secret")).filter(request);
        assertEquals(ALICE, DomusRest.subject(request.securityContext));
        assertEquals("Cookie", request.securityContext.getAuthenticationScheme());
    }

    @Test
    void expiredSessionCookieIsUnauthenticated() {
        FakeRequest request =
                new FakeRequest("GET", "http://localhost/api/me").cookie(SessionService.COOKIE, "session-expired");
        assertUnauthenticated(() -> filter(resource(Resources.class, "secret")).filter(request));
    }

    @Test
    void cookieAuthenticatedPostWithoutCsrfProofIsForbidden() {
        FakeRequest request = new FakeRequest("POST", "http://localhost:8181/api/me/tokens")
                .cookie(SessionService.COOKIE, GOOD_SESSION);
        DomusException e = assertThrows(DomusException.class, () -> filter(resource(Resources.class, "secret"))
                .filter(request));
        assertEquals(DomusException.Kind.FORBIDDEN, e.kind());
        assertEquals("error.csrf", e.messageKey());
    }

    @Test
    void cookieAuthenticatedPostFromAForeignOriginIsForbidden() {
        FakeRequest request = new FakeRequest("DELETE", "http://localhost:8181/api/me/tokens/3")
                .cookie(SessionService.COOKIE, GOOD_SESSION)
                .header("Origin", "https://evil.example");
        assertThrows(DomusException.class, () -> filter(resource(Resources.class, "secret"))
                .filter(request));
    }

    @Test
    void cookieAuthenticatedPostWithXRequestedWithPasses() {
        FakeRequest request = new FakeRequest("POST", "http://localhost:8181/api/me/tokens")
                .cookie(SessionService.COOKIE, GOOD_SESSION)
                .header("X-Requested-With", "XMLHttpRequest");
        filter(resource(Resources.class, "secret")).filter(request);
        assertEquals(ALICE, DomusRest.subject(request.securityContext));
    }

    @Test
    void cookieAuthenticatedPostFromTheSameOriginPasses() {
        FakeRequest request = new FakeRequest("PUT", "http://localhost:8181/api/me")
                .cookie(SessionService.COOKIE, GOOD_SESSION)
                .header("Origin", "http://localhost:8181");
        filter(resource(Resources.class, "secret")).filter(request);
        assertEquals(ALICE, DomusRest.subject(request.securityContext));
    }

    @Test
    void bearerAuthenticatedPostNeedsNoCsrfProof() {
        FakeRequest request = new FakeRequest("POST", "http://localhost:8181/api/me/tokens")
                .header("Authorization", "Bearer " + GOOD_TOKEN)
                .header("Origin", "https://evil.example");
        filter(resource(Resources.class, "secret")).filter(request);
        assertEquals(ALICE, DomusRest.subject(request.securityContext));
    }

    @Test
    void sameOriginComparesHostAndPortBehindATlsProxy() {
        assertTrue(AuthenticationFilter.sameHostAndPort("https://domus.example", "domus.example"));
        assertTrue(AuthenticationFilter.sameHostAndPort("https://domus.example", "domus.example:443"));
        assertTrue(AuthenticationFilter.sameHostAndPort("http://LOCALHOST:8181", "localhost:8181"));
        assertFalse(AuthenticationFilter.sameHostAndPort("http://localhost:8182", "localhost:8181"));
        assertFalse(AuthenticationFilter.sameHostAndPort("https://domus.example.evil.com", "domus.example"));
        assertFalse(AuthenticationFilter.sameHostAndPort("null", "domus.example"));
    }

    static final Subject ADMIN =
            Subject.of(9, "root", "Root", Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.ADMIN)));
    static final String ADMIN_SESSION = "session-admin";

    /** ADMIN requires TOTP; {@code enrolled} says whether the admin has switched it on. */
    static TotpService totp(boolean enrolled) {
        return new TotpService() {
            @Override
            public TotpStatus status(long accountId) {
                return new TotpStatus(enrolled && accountId == ADMIN.accountId(), true, null, 10);
            }

            @Override
            public boolean isRequired(Subject subject) {
                return subject.isAdmin();
            }

            @Override
            public TotpEnrolment beginEnrolment(Subject holder) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> confirmEnrolment(Subject holder, String code) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void disable(Subject holder, char[] password, String code) {}

            @Override
            public List<String> regenerateRecoveryCodes(Subject holder, String code) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void reset(long accountId, Subject actor) {}
        };
    }

    static final SessionService ADMIN_SESSIONS = new SessionService() {
        @Override
        public String open(Subject subject, ClientInfo client) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Subject> resolve(String token) {
            return ADMIN_SESSION.equals(token)
                    ? Optional.of(ADMIN)
                    : GOOD_SESSION.equals(token) ? Optional.of(ALICE) : Optional.empty();
        }

        @Override
        public void close(String token) {}

        @Override
        public Duration idleTimeout() {
            return Duration.ofMinutes(30);
        }
    };

    @Test
    void anAdminWithoutTotpReachesOnlyTheEnrolmentUntilItIsSetUp() {
        AuthenticationFilter refusing =
                new AuthenticationFilter(TOKENS, ADMIN_SESSIONS, totp(false), resource(Enrolment.class, "other"));
        FakeRequest other = new FakeRequest("GET", "http://localhost/api/registry/units")
                .cookie(SessionService.COOKIE, ADMIN_SESSION);
        DomusException e = assertThrows(DomusException.class, () -> refusing.filter(other));
        assertEquals(DomusException.Kind.FORBIDDEN, e.kind());
        assertEquals("error.totp.enrolment-required", e.messageKey());

        FakeRequest enrol = new FakeRequest("POST", "http://localhost/api/me/totp/enrolment")
                .cookie(SessionService.COOKIE, ADMIN_SESSION)
                .header("X-Requested-With", "XMLHttpRequest");
        new AuthenticationFilter(TOKENS, ADMIN_SESSIONS, totp(false), resource(Enrolment.class, "enrol")).filter(enrol);
        assertEquals(ADMIN, DomusRest.subject(enrol.securityContext));

        FakeRequest afterwards = new FakeRequest("GET", "http://localhost/api/registry/units")
                .cookie(SessionService.COOKIE, ADMIN_SESSION);
        new AuthenticationFilter(TOKENS, ADMIN_SESSIONS, totp(true), resource(Enrolment.class, "other"))
                .filter(afterwards);
        assertEquals(ADMIN, DomusRest.subject(afterwards.securityContext));
    }

    @Test
    void rolesWithoutTheTotpRequirementAreNotRestricted() {
        FakeRequest request = new FakeRequest("GET", "http://localhost/api/registry/units")
                .cookie(SessionService.COOKIE, GOOD_SESSION);
        new AuthenticationFilter(TOKENS, ADMIN_SESSIONS, totp(false), resource(Enrolment.class, "other"))
                .filter(request);
        assertEquals(ALICE, DomusRest.subject(request.securityContext));
    }

    @Test
    void missingIdentityServicesMakeProtectedResourcesUnavailable() {
        FakeRequest request =
                new FakeRequest("GET", "http://localhost/api/me").header("Authorization", "Bearer " + GOOD_TOKEN);
        AuthenticationFilter filter = new AuthenticationFilter(null, null, resource(Resources.class, "secret"));
        assertThrows(ServiceUnavailableException.class, () -> filter.filter(request));
    }

    @Test
    void missingIdentityServicesLeavePublicResourcesOpen() {
        FakeRequest request =
                new FakeRequest("GET", "http://localhost/api/health").cookie(SessionService.COOKIE, GOOD_SESSION);
        new AuthenticationFilter(null, null, resource(Resources.class, "open")).filter(request);
        assertNull(request.securityContext);
    }
}
