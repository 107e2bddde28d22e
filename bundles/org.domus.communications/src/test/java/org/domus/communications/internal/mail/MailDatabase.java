package org.domus.communications.internal.mail;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.testing.DomusTestDatabase;
import org.domus.testing.MutableClock;

/**
 * A fresh in-memory Derby database with the platform's and the communications module's real changelogs and the
 * communications persistence unit (no registry); settings from a map over the defaults of {@link
 * MailSettings.Config}.
 */
final class MailDatabase extends DomusTestDatabase {

    final EntityManagerFactory emf;
    final ResourceLocalJpaTemplate jpa;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-06T08:00:00Z"));

    MailDatabase() {
        super("mail", "db/communications-changelog.xml");
        emf = persistenceUnit("domus.communications");
        jpa = new ResourceLocalJpaTemplate(emf);
    }

    /** The configuration with the given keys ({@code smtp.port}) over the defaults. */
    static MailSettings.Config config(Map<String, Object> values) {
        return (MailSettings.Config) Proxy.newProxyInstance(
                MailSettings.Config.class.getClassLoader(), new Class<?>[] {MailSettings.Config.class}, (p, m, a) -> {
                    if (m.getName().equals("annotationType")) {
                        return MailSettings.Config.class;
                    }
                    String key = m.getName().replace('_', '.');
                    Object v = values.get(key);
                    return v != null ? v : m.getDefaultValue();
                });
    }

    /** A service on this database delivering to localhost:port, without a schedule (tests run it). */
    MailService service(String node, int port, Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>();
        values.put("mail.enabled", true);
        values.put("smtp.port", port);
        values.put("smtp.from", "Domus <domus@example.org>");
        values.put("smtp.timeoutSeconds", 5);
        values.put("publicUrl", "https://domus.example.org");
        values.putAll(extra);
        return new MailService(jpa, config(values), clock, node, false);
    }

    /** Queues one mail in its own transaction. */
    boolean enqueue(MailService service, MailRequest request) {
        return jpa.txExpr(TransactionType.Required, em -> service.enqueue(em, request));
    }

    static MailRequest testMail(String key, String address) {
        return new MailRequest(key, 0, address, Locale.ENGLISH, MailTemplates.TEST, Map.of("name", "Jana"));
    }
}
