package org.domus.communications.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertNull(s.trustedCertificates(), "the JVM's trust store only");
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

    private static String refusedTrust(String security, String path) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> settings(Map.of("smtp.security", security, "smtp.trustedCertificates", path)),
                path);
        assertTrue(e.getMessage().startsWith("smtp.trustedCertificates"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aTrustedCertificatesFileThatHoldsNoUsableCertificateIsRefused(@TempDir Path dir) throws Exception {
        String pem = SelfSignedCertificate.localhost(dir, "relay").pemText();
        assertTrue(
                refusedTrust("starttls", dir.resolve("missing.pem").toString()).contains("cannot read"));
        assertTrue(refusedTrust("ssl", dir.toString()).contains("cannot read"), "a directory");
        assertTrue(refusedTrust("starttls", "relay.pem").contains("absolute path"));

        Path text = Files.writeString(dir.resolve("text.pem"), "not a certificate\n");
        assertTrue(refusedTrust("starttls", text.toString()).contains("holds no PEM certificate"));
        Path der = Files.write(dir.resolve("relay.der"), new byte[] {0x30, (byte) 0x82, 0x01, 0x0a, 0x02, 0x01});
        assertTrue(refusedTrust("starttls", der.toString()).contains("holds no PEM certificate"));
        Path key = Files.writeString(
                dir.resolve("key.pem"),
                "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----\n");
        assertTrue(refusedTrust("starttls", key.toString()).contains("holds no PEM certificate"));

        String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
        Path corrupt = Files.writeString(
                dir.resolve("corrupt.pem"),
                pem + "-----BEGIN CERTIFICATE-----\n" + body.substring(0, body.length() / 2)
                        + "\n-----END CERTIFICATE-----\n");
        assertTrue(refusedTrust("ssl", corrupt.toString()).contains("certificate 2 in"));
        Path unterminated =
                Files.writeString(dir.resolve("unterminated.pem"), pem.substring(0, pem.indexOf("-----END")));
        assertTrue(refusedTrust("ssl", unterminated.toString()).contains("has no -----END CERTIFICATE----- line"));

        Path good = Files.writeString(dir.resolve("good.pem"), pem);
        assertTrue(
                refusedTrust("none", good.toString()).contains("smtp.security is none"),
                "trusting a relay but sending to it in clear text is a mistake");
    }

    @Test
    void aPemFileOfSeveralCertificatesIsTrustedBesidesTheJvmsTrustAnchors(@TempDir Path dir) throws Exception {
        SelfSignedCertificate relay = SelfSignedCertificate.localhost(dir, "relay");
        SelfSignedCertificate ca =
                SelfSignedCertificate.create(dir, "ca", "CN=Domus Test CA,O=Druzstvo", "BC:c=ca:true");
        // as OpenSSL writes bundles: a subject line before each block
        Path bundle = Files.writeString(
                dir.resolve("bundle.pem"),
                "subject=CN = localhost\n" + relay.pemText() + "\nsubject=CN = Domus Test CA\n" + ca.pemText(),
                StandardCharsets.US_ASCII);

        MailSettings s =
                settings(Map.of("smtp.security", " starttls ", "smtp.trustedCertificates", " " + bundle + " "));

        TrustedCertificates trusted = s.trustedCertificates();
        assertEquals(bundle, trusted.file());
        assertEquals(
                List.of("CN=localhost", "CN=Domus Test CA,O=Druzstvo"),
                trusted.certificates().stream()
                        .map(c -> c.getSubjectX500Principal().getName())
                        .toList());
        assertNotNull(trusted.socketFactory());
        assertTrue(s.toString().endsWith("also trusting " + bundle + " (2 certificates)"), s.toString());

        TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jvm.init((KeyStore) null);
        Set<X509Certificate> expected =
                new HashSet<>(Arrays.asList(x509(jvm.getTrustManagers()).getAcceptedIssuers()));
        assertFalse(expected.isEmpty(), "the JVM trusts public CAs");
        expected.addAll(trusted.certificates());
        Set<X509Certificate> anchors = new HashSet<>(Arrays.asList(
                x509(TrustedCertificates.trustManagers(trusted.certificates())).getAcceptedIssuers()));
        assertEquals(expected, anchors, "the JVM's anchors and the file's certificates, nothing else");
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        return Arrays.stream(managers)
                .filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast)
                .findFirst()
                .orElseThrow();
    }
}
