package org.domus.core.audience;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An active account a message can reach.
 *
 * @param accountId the account
 * @param displayName the account's display name, for salutations
 * @param email the account's e-mail address, if it has one
 * @param locale the account's language (the platform default when the account chose none)
 * @param unitIds for residents: the units (within the asked targets) through which the account is reached;
 *     empty for staff
 */
public record Recipient(long accountId, String displayName, Optional<String> email, Locale locale, Set<Long> unitIds) {

    public Recipient {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(locale, "locale");
        unitIds = Set.copyOf(unitIds);
    }
}
