package org.domus.communications.internal.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates of {@code smtp.trustedCertificates} (a private CA, or an internal relay's own certificate) and a
 * socket factory for SMTP over TLS that trusts them besides the JVM's own trust anchors: one relay is trusted
 * without changing what the rest of Karaf trusts. The server's identity is still checked against
 * {@code smtp.host}.
 */
record TrustedCertificates(Path file, List<X509Certificate> certificates, SSLSocketFactory socketFactory) {

    static final String KEY = "smtp.trustedCertificates";
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    TrustedCertificates {
        certificates = List.copyOf(certificates);
    }

    /**
     * Reads a PEM file of one or more X.509 certificates; text outside the BEGIN/END CERTIFICATE blocks (such as
     * OpenSSL's subject lines) is ignored.
     *
     * @throws IllegalArgumentException naming {@value #KEY} when the file is missing, unreadable, holds no PEM
     *     certificate or a block that is not one
     */
    static TrustedCertificates read(String path) {
        Path file;
        try {
            file = Path.of(path);
        } catch (RuntimeException e) {
            file = null;
        }
        if (file == null || !file.isAbsolute()) {
            throw new IllegalArgumentException(
                    KEY + " must be the absolute path of a PEM file of certificates, not '" + path + "'");
        }
        String text;
        try {
            // Latin-1 maps every byte: a binary (DER) file is refused below for holding no PEM block
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(
                    KEY + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            int at = text.indexOf(BEGIN);
            while (at >= 0) {
                int number = certificates.size() + 1;
                int end = text.indexOf(END, at);
                if (end < 0) {
                    throw new IllegalArgumentException(
                            KEY + ": certificate " + number + " in " + file + " has no " + END + " line");
                }
                String base64 = text.substring(at + BEGIN.length(), end);
                try {
                    byte[] der = Base64.getMimeDecoder().decode(base64);
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                } catch (IllegalArgumentException | CertificateException e) {
                    throw new IllegalArgumentException(KEY + ": certificate " + number + " in " + file
                            + " is not a valid X.509 certificate (" + e.getMessage() + ")");
                }
                at = text.indexOf(BEGIN, end);
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("the JVM offers no X.509 certificate factory", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(
                    KEY + ": " + file + " holds no PEM certificate (a block starting " + BEGIN + ")");
        }
        try {
            return new TrustedCertificates(file, certificates, socketFactory(certificates));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    KEY + ": the certificates of " + file + " cannot be added to the JVM's trust anchors (" + e + ")");
        }
    }

    /** A TLS socket factory trusting the JVM's default trust anchors and the given certificates. */
    static SSLSocketFactory socketFactory(List<X509Certificate> extra) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers(extra), null);
        return context.getSocketFactory();
    }

    /** Trust managers (PKIX) whose anchors are the JVM's default ones and the given certificates. */
    static TrustManager[] trustManagers(List<X509Certificate> extra) throws GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            anchors.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("an empty key store cannot be created", e);
        }
        TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        // null: the JVM's trust store (cacerts, or javax.net.ssl.trustStore when the operator set one)
        jvm.init((KeyStore) null);
        int n = 0;
        for (TrustManager manager : jvm.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate anchor : x509.getAcceptedIssuers()) {
                    anchors.setCertificateEntry("jvm-" + n++, anchor);
                }
            }
        }
        for (int i = 0; i < extra.size(); i++) {
            anchors.setCertificateEntry("smtp-trusted-" + i, extra.get(i));
        }
        TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        combined.init(anchors);
        return combined.getTrustManagers();
    }

    @Override
    public String toString() {
        return file + " (" + certificates.size() + (certificates.size() == 1 ? " certificate)" : " certificates)");
    }
}
