package org.domus.demo.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.Argon2PasswordHasher;
import org.domus.core.internal.account.PasswordPolicy;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.testing.DomusTestDatabase;

/**
 * The core's real services on a fresh in-memory Derby with the schema of the core's real changelog, wired
 * by hand as DS wires them in Karaf (only the password hash is made cheap, to keep the tests fast).
 */
final class DemoDatabase extends DomusTestDatabase {

    final AccountServiceImpl accounts;

    DemoDatabase() {
        this(Clock.systemUTC());
    }

    private DemoDatabase(Clock clock) {
        super("demo", clock, List.of(new RegistryGrants()));
        accounts = AccountServiceImpl.create(
                coreJpa,
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom()),
                new PasswordPolicy(),
                clock);
    }

    CooperativeGenerator generator() {
        return new CooperativeGenerator(registry, accounts);
    }
}
