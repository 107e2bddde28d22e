package org.domus.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@link MailDeliveryIT} on PostgreSQL: the outbox schema (bodies as TEXT, images as BYTEA) migrates there, the
 * conditional claims and the savepoint behind the unique key hold the same, and a restart mid-queue and an SMTP
 * outage still deliver each mail once. A fresh server in {@code target/postgres-mail}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MailDeliveryPostgresIT extends MailDeliveryIT {

    @Override
    @Configuration
    public Option[] config() {
        return distribution(PostgresServer.start("postgres-mail"));
    }
}
