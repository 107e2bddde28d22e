package org.domus.rest.internal;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.rest.DomusRest;

/**
 * The security context of an authenticated request: principal {@link DomusRest.SubjectPrincipal}, roles by
 * {@link Role} name, and the scheme that proved the identity ({@code Bearer} or {@code Cookie}).
 */
record DomusSecurityContext(Subject subject, boolean secure, String scheme) implements SecurityContext {

    static final String BEARER = "Bearer";
    static final String COOKIE = "Cookie";

    @Override
    public Principal getUserPrincipal() {
        return new DomusRest.SubjectPrincipal(subject);
    }

    @Override
    public boolean isUserInRole(String role) {
        for (Role held : subject.roles()) {
            if (held.name().equals(role)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
