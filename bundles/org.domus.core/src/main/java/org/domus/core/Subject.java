package org.domus.core;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.domus.core.access.RoleGrant;

/**
 * The authenticated party behind a request or a UI session.
 *
 * <p>Every role except {@link Role#RESIDENT} must come with an explicit {@link RoleGrant}: a subject is
 * never widened to an organisation-wide (or unscoped) role because a grant was forgotten. RESIDENT needs
 * no grant, as residents are scoped by their current tenures.
 *
 * @param accountId database id of the user account
 * @param login the login name
 * @param displayName the name shown in the UI
 * @param roles the roles the account holds right now; every role of {@code grants} is added, and every
 *     role here other than RESIDENT must have a grant in {@code grants}
 * @param locale the preferred language, used for messages
 * @param grants the role grants with their scopes
 * @throws IllegalArgumentException when a role other than RESIDENT has no grant
 */
public record Subject(
        long accountId, String login, String displayName, Set<Role> roles, Locale locale, Set<RoleGrant> grants) {

    public Subject {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        Set<RoleGrant> allGrants = Set.copyOf(grants == null ? Set.of() : grants);
        Set<Role> allRoles = EnumSet.noneOf(Role.class);
        allRoles.addAll(roles == null ? Set.of() : roles);
        for (RoleGrant g : allGrants) {
            allRoles.add(g.role());
        }
        for (Role role : allRoles) {
            if (role != Role.RESIDENT && allGrants.stream().noneMatch(g -> g.role() == role)) {
                throw new IllegalArgumentException(
                        "role " + role + " of " + login + " has no grant; staff roles are never implicitly unscoped");
            }
        }
        roles = Set.copyOf(allRoles);
        grants = allGrants;
        locale = locale == null ? Locale.ENGLISH : locale;
    }

    /**
     * A subject holding exactly these grants (its roles are theirs).
     *
     * @since 2.0
     */
    public static Subject of(long accountId, String login, String displayName, Locale locale, Set<RoleGrant> grants) {
        return new Subject(accountId, login, displayName, Set.of(), locale, grants);
    }

    /**
     * The platform acting on its own behalf (Karaf shell, data generators, tests): ADMIN everywhere, account
     * id 0. Audit events name {@code login} as the actor.
     *
     * @since 2.0
     */
    public static Subject system(String login, String displayName) {
        return of(0, login, displayName, Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.ADMIN)));
    }

    /** The same subject in another language (grants unchanged). */
    public Subject withLocale(Locale newLocale) {
        return new Subject(accountId, login, displayName, roles, newLocale, grants);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
