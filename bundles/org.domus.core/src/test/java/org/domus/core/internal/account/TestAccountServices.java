package org.domus.core.internal.account;

import java.time.Clock;
import org.apache.aries.jpa.template.JpaTemplate;

/**
 * Builds the account service for tests of other packages: its plain-Java constructor stays
 * package-private so that SCR can only ever choose the DS constructor.
 */
public final class TestAccountServices {

    private TestAccountServices() {}

    public static AccountServiceImpl create(
            JpaTemplate jpa, Argon2PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
        return new AccountServiceImpl(jpa, hasher, policy, clock);
    }
}
