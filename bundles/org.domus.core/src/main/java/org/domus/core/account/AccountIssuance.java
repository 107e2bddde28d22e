package org.domus.core.account;

import java.util.Locale;
import java.util.Set;
import org.domus.core.Role;
import org.domus.core.Subject;

/**
 * Accounts issued by the office: Domus makes the login (from the person's name) and a one-time initial
 * password, which the holder must change at the first sign-in, and prints both on a handover letter in
 * the cooperative's language. The password is returned once and never stored in clear; it is handed
 * over in person, never by e-mail. Callers check {@link org.domus.core.access.Permission#ACCOUNTS_MANAGE}
 * first.
 *
 * @since 1.2
 */
public interface AccountIssuance {

    /**
     * What the office enters.
     *
     * @param displayName the person's full name (the login is made from it)
     * @param email optional contact e-mail
     * @param roles RESIDENT or nothing: staff roles are granted with a scope afterwards
     *     ({@link AccountService#grant}); any other role is INVALID {@code account.issue.staff-role}
     * @param locale preferred language of the holder (null: the cooperative's)
     */
    record Request(String displayName, String email, Set<Role> roles, Locale locale) {}

    /** An issued account (or a reset password) with the initial password, shown once. */
    record Issued(Account account, String initialPassword) {}

    /**
     * Creates the account with a generated, unique login and initial password.
     *
     * @throws org.domus.core.DomusException INVALID for a missing name or malformed e-mail
     */
    Issued issue(Request request, Subject actor);

    /**
     * Gives an existing account a new initial password (must be changed at the next sign-in), ends its
     * sessions and clears a lockout.
     *
     * @throws org.domus.core.DomusException NOT_FOUND {@code account.not-found}
     */
    Issued resetPassword(long accountId, Subject actor);

    /** The login Domus would make from a name: ASCII letters, {@code first.last}, lower case, unique. */
    String proposeLogin(String displayName);

    /**
     * The printable handover letter (PDF) for a freshly issued account or reset password, in the
     * cooperative's language.
     *
     * @param signInUrl the address residents open to sign in
     */
    byte[] handoverLetter(Issued issued, String signInUrl);
}
