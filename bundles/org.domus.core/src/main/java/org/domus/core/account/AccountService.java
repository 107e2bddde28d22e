package org.domus.core.account;

import java.util.List;
import java.util.Optional;
import org.domus.core.Subject;

/**
 * User accounts and password authentication. Passwords are stored as Argon2id hashes and never leave
 * this service. Every method that changes an account writes an audit event and a failed call changes
 * nothing.
 *
 * <p>Logins are case-insensitive: they are stored and compared in lower case. The service does not
 * check the actor's permissions; callers (REST, views, shell) ask the
 * {@link org.domus.core.access.AccessPolicy} first. The {@code actor} of a change may be
 * {@code null} for changes made by the system itself (demo data); it is recorded as {@code system}.
 */
public interface AccountService {

    /**
     * Creates an account.
     *
     * @throws org.domus.core.DomusException INVALID when a field breaks a rule (key says which),
     *     CONFLICT when the login is taken
     */
    Account create(NewAccount account, Subject actor);

    /** All accounts ordered by login. */
    List<Account> list();

    Optional<Account> findByLogin(String login);

    Optional<Account> findById(long id);

    /**
     * Checks a login and password and records a login event. Repeated failures lock the account for an
     * increasing time.
     */
    AuthenticationResult authenticate(String login, char[] password, ClientInfo client);

    /**
     * Sets a new password chosen by the account holder, who must prove the current one.
     *
     * @throws org.domus.core.DomusException INVALID when the current password is wrong or the new one
     *     breaks the password policy
     */
    void changePassword(long accountId, char[] currentPassword, char[] newPassword);

    /**
     * Sets a new password on behalf of the holder (office or admin shell) and, when asked, forces the
     * holder to choose a new one at the next login. Clears any lockout.
     */
    void resetPassword(String login, char[] newPassword, boolean mustChange, Subject actor);

    /** Records the account's preferred language. */
    void setLocale(long accountId, java.util.Locale locale);

    /**
     * Replaces the roles granted to an account. The roles are stored without a scope (everywhere); for
     * staff prefer {@link #grant} with a scope.
     *
     * @throws org.domus.core.DomusException NOT_FOUND ({@code account.not-found}) for an unknown id
     * @since 1.1
     */
    Account setRoles(long accountId, java.util.Set<org.domus.core.Role> roles, Subject actor);

    /**
     * Enables ({@link AccountStatus#ACTIVE}) or disables an account; disabling ends its sessions and
     * makes its access tokens unusable. Setting ACTIVE also clears a lockout.
     *
     * @throws org.domus.core.DomusException NOT_FOUND ({@code account.not-found}) for an unknown id
     * @since 1.1
     */
    Account setStatus(long accountId, AccountStatus status, Subject actor);

    /**
     * The account's role grants with their scopes.
     *
     * @throws org.domus.core.DomusException NOT_FOUND ({@code account.not-found}) for an unknown id
     * @since 1.2
     */
    List<org.domus.core.access.RoleGrant> grants(long accountId);

    /**
     * Replaces the role grants of an account; a grant with a scope limits its role to that organisation,
     * estate or building. Written to the audit trail. RESIDENT needs no grant: it follows from the
     * tenures of the person linked to the account. Grants not held before must satisfy the rules of
     * {@link #grant}, and the installation's last ADMIN grant cannot be removed.
     *
     * @throws org.domus.core.DomusException NOT_FOUND ({@code account.not-found}) for an unknown id
     * @since 1.2
     */
    Account setGrants(long accountId, java.util.Set<org.domus.core.access.RoleGrant> grants, Subject actor);

    /**
     * Adds one scoped role grant to an account (no change when it already holds exactly this grant).
     * Written to the audit trail with the grants before and after. Takes effect at the holder's next
     * request: sessions and tokens read the grants afresh.
     *
     * @throws org.domus.core.DomusException NOT_FOUND ({@code account.not-found}) for an unknown id;
     *     INVALID when the grant breaks a rule: {@code account.grant.resident} (RESIDENT follows from
     *     tenures), {@code account.grant.scope.required} (every grant needs a scope),
     *     {@code account.grant.admin.organisation} (ADMIN only organisation-wide),
     *     {@code account.grant.scope.not-found} (no such organisation, estate or building)
     * @since 1.4
     */
    Account grant(long accountId, org.domus.core.access.RoleGrant grant, Subject actor);

    /**
     * Takes one role grant away from an account; audited like {@link #grant}.
     *
     * @throws org.domus.core.DomusException NOT_FOUND ({@code account.not-found},
     *     {@code account.grant.not-found}); CONFLICT ({@code account.grant.last-admin}) when it is the
     *     installation's last ADMIN grant
     * @since 1.4
     */
    Account revoke(long accountId, org.domus.core.access.RoleGrant grant, Subject actor);

    /** The current subject for an account id, or empty when the account no longer exists or is disabled. */
    Optional<Subject> subjectOf(long accountId);

    /**
     * Checks login, password and, for accounts with TOTP, the code in one call (REST sign-in). Without a
     * code such an account gives {@link AuthenticationResult.Outcome#SECOND_FACTOR_REQUIRED}.
     *
     * @param code a 6-digit TOTP code or a recovery code; may be null
     * @since 1.2
     */
    default AuthenticationResult authenticate(String login, char[] password, String code, ClientInfo client) {
        AuthenticationResult first = authenticate(login, password, client);
        if (first.outcome() != AuthenticationResult.Outcome.SECOND_FACTOR_REQUIRED || code == null || code.isBlank()) {
            return first;
        }
        return completeSecondFactor(first.challenge(), code, client);
    }

    /**
     * The second step of a sign-in: checks a TOTP code (each accepted once only) or an unused recovery
     * code against the challenge of a correct password. Failures count towards the lockout like wrong
     * passwords and are recorded in the login history.
     *
     * @since 1.2
     */
    AuthenticationResult completeSecondFactor(String challenge, String code, ClientInfo client);

    /**
     * The account's login history, newest first.
     *
     * @param limit at most this many events (1 to 500)
     * @since 1.2
     */
    List<LoginEvent> loginHistory(long accountId, int limit);
}
