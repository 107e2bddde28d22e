package org.domus.communications.internal.mail;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Map;
import org.apache.aries.jpa.template.JpaTemplate;

/**
 * The notification benchmark's way to the e-mail outbox outside OSGi (bench/ only, never shipped): the
 * package-private constructor the module's unit tests use, with settings from a map over the defaults of the
 * configuration, and one delivery run on the calling thread.
 */
public final class MailBenchAccess {

    private MailBenchAccess() {}

    /**
     * A mail service without a schedule: {@code mail.enabled} false only queues (the renderer and the outbox are
     * the real ones); true delivers through SMTP when {@link #deliver} is called.
     *
     * @param values configuration keys ({@code smtp.port}) over the defaults
     */
    public static MailService service(JpaTemplate jpa, Clock clock, String node, Map<String, Object> values) {
        MailSettings.Config config = (MailSettings.Config) Proxy.newProxyInstance(
                MailSettings.Config.class.getClassLoader(), new Class<?>[] {MailSettings.Config.class}, (p, m, a) -> {
                    if (m.getName().equals("annotationType")) {
                        return MailSettings.Config.class;
                    }
                    Object v = values.get(m.getName().replace('_', '.'));
                    return v != null ? v : m.getDefaultValue();
                });
        return new MailService(jpa, config, clock, node, false);
    }

    /** Delivers due mails, batch after batch, until none is due; returns how many were sent. */
    public static int deliver(MailService service) {
        DeliveryWorker.Result result = service.deliver();
        if (result.failed() > 0 || result.retried() > 0) {
            throw new IllegalStateException("delivery failed: " + result);
        }
        return result.sent();
    }
}
