package org.domus.communications.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings settings(Map<String, Object> values) {
        return MailSettings.of(MailDatabase.config(values));
    }

    private static void refused(String key, Object value) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> settings(Map.of(key, value)), key + "=" + value);
        assertTrue(e.getMessage().startsWith(key), e.getMessage());
    }

    @Test
    void theDefaultsAreValidAndDeliveryIsOff() {
        MailSettings s = settings(Map.of());
        assertFalse(s.enabled());
        assertEquals("localhost", s.host());
        assertEquals(25, s.port());
        assertEquals(MailSettings.Security.NONE, s.security());
        assertEquals("domus@localhost", s.from().getAddress());
        assertEquals("http://localhost:8181", s.publicUrl());
    }

    @Test
    void badValuesAreRefusedNamingTheirKey() {
        refused("smtp.host", " ");
        refused("smtp.port", 0);
        refused("smtp.port", 70000);
        refused("smtp.security", "tls");
        refused("smtp.from", "not an address");
        refused("smtp.timeoutSeconds", 0);
        refused("retry.maxAttempts", 0);
        refused("retry.backoffSeconds", -5);
        refused("delivery.intervalSeconds", 0);
        refused("delivery.batchSize", 0);
        refused("delivery.maxAgeHours", 0);
        refused("publicUrl", "domus.example.org");
        refused("publicUrl", "ftp://domus.example.org");
        IllegalArgumentException cap = assertThrows(
                IllegalArgumentException.class,
                () -> settings(Map.of("retry.backoffSeconds", 600, "retry.backoffMaxSeconds", 60)));
        assertTrue(cap.getMessage().contains("retry.backoffMaxSeconds"));
    }

    @Test
    void theSecurityModesAndTheSenderAreRead() {
        MailSettings s = settings(Map.of(
                "smtp.security", " StartTLS ",
                "smtp.from", "Bytové družstvo <sprava@druzstvo.cz>",
                "publicUrl", "https://domus.druzstvo.cz/"));
        assertEquals(MailSettings.Security.STARTTLS, s.security());
        assertEquals("sprava@druzstvo.cz", s.from().getAddress());
        assertEquals("Bytové družstvo", s.from().getPersonal());
        assertEquals("druzstvo.cz", s.domain());
        assertEquals("https://domus.druzstvo.cz", s.publicUrl());
        assertEquals(
                MailSettings.Security.SSL,
                settings(Map.of("smtp.security", "ssl")).security());
    }

    @Test
    void thePasswordNeverShowsInTheDescription() {
        MailSettings s = settings(Map.of("smtp.username", "domus", "smtp.password", "Secret-Pass-1"));
        assertEquals("Secret-Pass-1", s.password());
        assertFalse(s.toString().contains("Secret-Pass-1"), s.toString());
        assertTrue(s.toString().contains("domus@localhost:25"), s.toString());
        assertEquals(null, settings(Map.of()).username(), "no login without a user name");
    }

    @Test
    void theBackoffDoublesUpToItsCapAndTheLeaseCoversABatch() {
        MailSettings s = settings(Map.of("retry.backoffSeconds", 60, "retry.backoffMaxSeconds", 3600));
        assertEquals(Duration.ofSeconds(60), s.backoffAfter(1));
        assertEquals(Duration.ofSeconds(120), s.backoffAfter(2));
        assertEquals(Duration.ofSeconds(480), s.backoffAfter(4));
        assertEquals(Duration.ofSeconds(3600), s.backoffAfter(7));
        assertEquals(Duration.ofSeconds(3600), s.backoffAfter(500));
        MailSettings batch = settings(Map.of("smtp.timeoutSeconds", 10, "delivery.batchSize", 5));
        assertEquals(Duration.ofSeconds(2 * 10 * 5 + 60), batch.lease());
    }
}
