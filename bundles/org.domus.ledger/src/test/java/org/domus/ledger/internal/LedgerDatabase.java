package org.domus.ledger.internal;

import java.time.Instant;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.registry.Building;
import org.domus.core.registry.Organisation;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.testing.DomusTestDatabase;
import org.domus.testing.MutableClock;

/**
 * A fresh in-memory Derby database with the platform's and the ledger's real changelogs, the real
 * registry and access policy of the platform, and the ledger's persistence unit on top: the ledger is
 * tested against the schema its changelog creates and against the registry it reads in production.
 */
final class LedgerDatabase extends DomusTestDatabase {

    final EntityManagerFactory ledgerEmf;
    final ResourceLocalJpaTemplate jpa;
    final MutableClock clock;

    LedgerDatabase() {
        this(new MutableClock(Instant.parse("2026-03-01T08:00:00Z")));
    }

    private LedgerDatabase(MutableClock clock) {
        super("ledger", clock, List.of(new RegistryGrants(), new LedgerGrants()), "db/ledger-changelog.xml");
        this.clock = clock;
        ledgerEmf = persistenceUnit("domus.ledger");
        jpa = new ResourceLocalJpaTemplate(ledgerEmf);
    }

    LedgerServiceImpl ledger() {
        return LedgerServiceImpl.create(jpa, policy, registry, clock);
    }

    /** An organisation in the Czech Republic keeping its accounts in the currency. */
    Organisation organisation(String currency) {
        return organisation("SBD " + currency, "CZ", currency);
    }

    /** A building on Main street in Brno, without coordinates. */
    Building building(long estateId, String number) {
        return building(estateId, "Main", number, null, null);
    }
}
