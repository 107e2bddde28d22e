package org.domus.core.account;

import java.util.Locale;
import java.util.Set;
import org.domus.core.Role;

/**
 * What is needed to create an account.
 *
 * @param login unique login name: 3 to 64 characters of letters, digits, '.', '-', '_' or '@'
 * @param displayName the name shown in the UI
 * @param email optional contact e-mail (may be null)
 * @param password the initial password (checked against the password policy)
 * @param roles roles granted to the account
 * @param locale preferred language (may be null for the default)
 * @param mustChangePassword whether the first login forces a new password
 */
public record NewAccount(
        String login,
        String displayName,
        String email,
        char[] password,
        Set<Role> roles,
        Locale locale,
        boolean mustChangePassword) {}
