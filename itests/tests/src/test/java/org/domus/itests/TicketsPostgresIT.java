package org.domus.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@link TicketsIT} on PostgreSQL: the tickets schema (attachment bytes as BYTEA, booleans, the reference
 * counter) migrates there and the whole loop and the public form's limits hold the same. A fresh server in
 * {@code target/postgres-tickets} (wiped before each run, so that rate-limit counters of an earlier run do not
 * carry over; stopped by the build after the integration tests).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TicketsPostgresIT extends TicketsIT {

    @Override
    @Configuration
    public Option[] config() {
        return distribution(PostgresServer.start("postgres-tickets"));
    }
}
