package org.domus.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated party behind a request or a UI session.
 *
 * @param accountId database id of the user account
 * @param login the login name
 * @param displayName the name shown in the UI
 * @param roles the roles the account holds right now
 * @param locale the preferred language, used for messages
 */
public record Subject(long accountId, String login, String displayName, Set<Role> roles, Locale locale) {

    public Subject {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        locale = locale == null ? Locale.ENGLISH : locale;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
