package org.domus.core;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.domus.core.access.RoleGrant;

/**
 * The authenticated party behind a request or a UI session.
 *
 * @param accountId database id of the user account
 * @param login the login name
 * @param displayName the name shown in the UI
 * @param roles the roles the account holds right now (every role of {@code grants} is in here)
 * @param locale the preferred language, used for messages
 * @param grants the role grants with their scopes; a role in {@code roles} without a grant here is held
 *     everywhere
 */
public record Subject(
        long accountId, String login, String displayName, Set<Role> roles, Locale locale, Set<RoleGrant> grants) {

    public Subject {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        Set<RoleGrant> allGrants = new LinkedHashSet<>(grants == null ? Set.of() : grants);
        Set<Role> allRoles = EnumSet.noneOf(Role.class);
        allRoles.addAll(roles == null ? Set.of() : roles);
        for (RoleGrant g : allGrants) {
            allRoles.add(g.role());
        }
        for (Role role : allRoles) {
            if (allGrants.stream().noneMatch(g -> g.role() == role)) {
                allGrants.add(RoleGrant.everywhere(role));
            }
        }
        roles = Set.copyOf(allRoles);
        grants = Set.copyOf(allGrants);
        locale = locale == null ? Locale.ENGLISH : locale;
    }

    /** A subject whose roles all hold everywhere (no scopes). */
    public Subject(long accountId, String login, String displayName, Set<Role> roles, Locale locale) {
        this(accountId, login, displayName, roles, locale, Set.of());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
