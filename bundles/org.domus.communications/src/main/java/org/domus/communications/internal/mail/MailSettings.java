package org.domus.communications.internal.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The e-mail settings from PID {@value #PID} ({@code etc/org.domus.communications.cfg}, section "e-mail"), checked
 * once: {@link #of(Config)} refuses a bad value with a message naming its key. {@link #toString()} never shows the
 * password.
 */
record MailSettings(
        boolean enabled,
        String host,
        int port,
        Security security,
        TrustedCertificates trustedCertificates,
        String username,
        String password,
        InternetAddress from,
        Duration timeout,
        int maxAttempts,
        Duration backoff,
        Duration backoffMax,
        Duration interval,
        int batchSize,
        Duration maxAge,
        String publicUrl) {

    static final String PID = "org.domus.communications";

    enum Security {
        NONE,
        STARTTLS,
        SSL
    }

    @ObjectClassDefinition(name = "Domus communications: e-mail", description = "SMTP delivery of the e-mail queue")
    @interface Config {
        @AttributeDefinition(description = "Deliver queued mails through SMTP (mails queue up while false)")
        boolean mail_enabled() default false;

        String smtp_host() default "localhost";

        int smtp_port() default 25;

        @AttributeDefinition(description = "none, starttls or ssl")
        String smtp_security() default "none";

        @AttributeDefinition(
                description = "Absolute path of a PEM file of certificates (a private CA or the server's own) that"
                        + " TLS trusts besides the JVM's trust store; empty: the JVM's trust store only")
        String smtp_trustedCertificates() default "";

        String smtp_username() default "";

        @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String smtp_password() default "";

        @AttributeDefinition(description = "Sender, e.g. Domus <domus@example.org>")
        String smtp_from() default "Domus <domus@localhost>";

        int smtp_timeoutSeconds() default 20;

        int retry_maxAttempts() default 10;

        int retry_backoffSeconds() default 60;

        int retry_backoffMaxSeconds() default 3600;

        int delivery_intervalSeconds() default 10;

        int delivery_batchSize() default 20;

        int delivery_maxAgeHours() default 72;

        String publicUrl() default "http://localhost:8181";
    }

    /** @throws IllegalArgumentException naming the key whose value is not acceptable */
    static MailSettings of(Config c) {
        String host = c.smtp_host() == null ? "" : c.smtp_host().strip();
        if (host.isEmpty() || host.contains(" ")) {
            throw new IllegalArgumentException("smtp.host must be a host name, not '" + c.smtp_host() + "'");
        }
        if (c.smtp_port() < 1 || c.smtp_port() > 65535) {
            throw new IllegalArgumentException("smtp.port must be 1..65535, not " + c.smtp_port());
        }
        Security security;
        try {
            security = Security.valueOf(
                    (c.smtp_security() == null ? "" : c.smtp_security()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "smtp.security must be none, starttls or ssl, not '" + c.smtp_security() + "'");
        }
        String trustPath = c.smtp_trustedCertificates() == null
                ? ""
                : c.smtp_trustedCertificates().strip();
        TrustedCertificates trusted = null;
        if (!trustPath.isEmpty()) {
            if (security == Security.NONE) {
                // the operator expects TLS to that relay: sending in clear text instead would go unnoticed
                throw new IllegalArgumentException(TrustedCertificates.KEY
                        + " is set but smtp.security is none: use starttls or ssl, or leave it empty");
            }
            trusted = TrustedCertificates.read(trustPath);
        }
        InternetAddress from;
        try {
            from = new InternetAddress(
                    c.smtp_from() == null ? "" : c.smtp_from().strip(), true);
            if (from.getAddress() == null || !from.getAddress().contains("@")) {
                throw new AddressException("no address");
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "smtp.from must be an address such as Domus <domus@example.org>, not '" + c.smtp_from() + "'");
        }
        positive("smtp.timeoutSeconds", c.smtp_timeoutSeconds(), 600);
        positive("retry.maxAttempts", c.retry_maxAttempts(), 1000);
        positive("retry.backoffSeconds", c.retry_backoffSeconds(), 86_400);
        positive("retry.backoffMaxSeconds", c.retry_backoffMaxSeconds(), 7 * 86_400);
        if (c.retry_backoffMaxSeconds() < c.retry_backoffSeconds()) {
            throw new IllegalArgumentException("retry.backoffMaxSeconds must not be below retry.backoffSeconds");
        }
        positive("delivery.intervalSeconds", c.delivery_intervalSeconds(), 86_400);
        positive("delivery.batchSize", c.delivery_batchSize(), 10_000);
        positive("delivery.maxAgeHours", c.delivery_maxAgeHours(), 24 * 365);
        String url = c.publicUrl() == null ? "" : c.publicUrl().strip();
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "publicUrl must be an absolute http(s) URL such as https://domus.example.org, not '" + url + "'");
        }
        String username = c.smtp_username() == null ? "" : c.smtp_username().strip();
        return new MailSettings(
                c.mail_enabled(),
                host,
                c.smtp_port(),
                security,
                trusted,
                username.isEmpty() ? null : username,
                c.smtp_password() == null || c.smtp_password().isEmpty() ? null : c.smtp_password(),
                from,
                Duration.ofSeconds(c.smtp_timeoutSeconds()),
                c.retry_maxAttempts(),
                Duration.ofSeconds(c.retry_backoffSeconds()),
                Duration.ofSeconds(c.retry_backoffMaxSeconds()),
                Duration.ofSeconds(c.delivery_intervalSeconds()),
                c.delivery_batchSize(),
                Duration.ofHours(c.delivery_maxAgeHours()),
                url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    private static void positive(String key, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(key + " must be 1.." + max + ", not " + value);
        }
    }

    /** The wait before attempt {@code attempts + 1}: base * 2^(attempts - 1), at most the cap. */
    Duration backoffAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration d = backoff.multipliedBy(1L << doublings);
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }

    /**
     * How long a claim lasts: long enough to send a whole batch even when every mail runs into the timeout (connect
     * and send). Only a node that died holding a claim makes its rows wait that long; a stopping node releases them.
     */
    Duration lease() {
        return timeout.multipliedBy(2L * batchSize).plusSeconds(60);
    }

    /** The domain part of the sender, for Message-IDs. */
    String domain() {
        String a = from.getAddress();
        return a.substring(a.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return "smtp " + security.name().toLowerCase(Locale.ROOT) + "://" + (username == null ? "" : username + "@")
                + host + ":" + port + " from " + from + (password == null ? "" : " (with password)")
                + (trustedCertificates == null ? "" : ", also trusting " + trustedCertificates);
    }
}
