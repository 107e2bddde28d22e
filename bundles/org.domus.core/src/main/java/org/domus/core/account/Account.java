package org.domus.core.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.domus.core.Role;

/**
 * A user account as seen from outside the identity service; never carries the password hash.
 */
public record Account(
        long id,
        String login,
        String displayName,
        String email,
        AccountStatus status,
        boolean mustChangePassword,
        Set<Role> roles,
        Locale locale,
        Instant createdAt,
        Instant lastLoginAt) {

    public Account {
        roles = Set.copyOf(roles);
    }
}
