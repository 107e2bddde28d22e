package org.domus.communications.internal.mail;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.Date;
import java.util.Properties;
import java.util.function.Supplier;
import javax.activation.DataHandler;
import javax.mail.Address;
import javax.mail.AuthenticationFailedException;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends outbox rows through SMTP with Jakarta Mail. Inside OSGi, Jakarta Mail finds its providers and activation
 * finds the mail's content handlers through the thread's context class loader, which is therefore the mail
 * bundle's own while a message is built and sent.
 */
final class SmtpSender {

    private final MailSettings settings;
    private final Session session;

    SmtpSender(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        String ms = Long.toString(settings.timeout().toMillis());
        boolean ssl = settings.security() == MailSettings.Security.SSL;
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.from", settings.from().getAddress());
        p.put("mail.smtp.auth", Boolean.toString(settings.username() != null));
        p.put("mail.smtp.ssl.enable", Boolean.toString(ssl));
        if (ssl || settings.security() == MailSettings.Security.STARTTLS) {
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            if (settings.trustedCertificates() != null) {
                // an object, not a class name: used for SMTPS and for the STARTTLS upgrade alike
                p.put(
                        "mail.smtp.ssl.socketFactory",
                        settings.trustedCertificates().socketFactory());
                // else a failed SMTPS connection is tried again with the JVM's trust only, and its error hides why
                // the first one failed (a certificate not issued for smtp.host, say)
                p.put("mail.smtp.socketFactory.fallback", "false");
            }
        }
        if (settings.security() == MailSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        // Never mail.debug: it would print the AUTH exchange, password included.
        this.session = withMailClassLoader(() -> Session.getInstance(p));
    }

    /** An open SMTP connection for a batch. */
    final class Connection implements AutoCloseable {
        private final Transport transport;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        /** Sends one mail; returns once the server accepted it (250 after DATA). */
        void send(OutboxStore.Outgoing mail) throws MessagingException {
            MessagingException[] failure = new MessagingException[1];
            withMailClassLoader(() -> {
                try {
                    MimeMessage message = message(mail);
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException e) {
                    failure[0] = e;
                }
                return null;
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }

        boolean isConnected() {
            return transport.isConnected();
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the mails are sent or not by now; a failed QUIT changes nothing
            }
        }
    }

    /** Connects (and authenticates) to the configured server. */
    Connection open() throws MessagingException {
        MessagingException[] failure = new MessagingException[1];
        Transport transport = withMailClassLoader(() -> {
            try {
                Transport t = session.getTransport("smtp");
                t.connect(settings.host(), settings.port(), settings.username(), settings.password());
                return t;
            } catch (MessagingException e) {
                failure[0] = e;
                return null;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return new Connection(transport);
    }

    MimeMessage message(OutboxStore.Outgoing mail) throws MessagingException {
        String messageId = mail.messageId();
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // the id fixed when the mail was queued: a mail sent twice (after a crash) is recognisably the same
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.address(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");

        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        if (mail.images().isEmpty()) {
            alternative.addBodyPart(html);
        } else {
            MimeMultipart related = new MimeMultipart("related");
            related.addBodyPart(html);
            for (RenderedMail.InlineImage image : mail.images()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(image.data(), image.mimeType())));
                part.setContentID("<" + image.contentId() + ">");
                part.setDisposition(MimeBodyPart.INLINE);
                part.setFileName(image.contentId() + ".png");
                related.addBodyPart(part);
            }
            MimeBodyPart relatedPart = new MimeBodyPart();
            relatedPart.setContent(related);
            alternative.addBodyPart(relatedPart);
        }
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /**
     * Whether retrying cannot help: a malformed address, or a 5xx answer of the server to the recipient or the
     * message. Connection problems, timeouts, 4xx answers, refused credentials and TLS failures (a certificate the
     * client does not accept, a server without STARTTLS: an operator can fix them, and the mail must wait for that
     * rather than be given up) are worth another attempt.
     */
    static boolean permanent(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return false;
        }
        if (e instanceof AddressException) {
            return true;
        }
        int code = returnCode(e);
        if (code >= 500 && code < 600) {
            return true;
        }
        if (code >= 400) {
            return false;
        }
        if (hasCause(e, IOException.class)) {
            return false;
        }
        if (e instanceof SendFailedException failed) {
            Address[] invalid = failed.getInvalidAddresses();
            Address[] valid = failed.getValidSentAddresses();
            return invalid != null && invalid.length > 0 && (valid == null || valid.length == 0);
        }
        return false;
    }

    private static int returnCode(MessagingException e) {
        Exception x = e;
        for (int depth = 0; x != null && depth < 10; depth++) {
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            x = x instanceof MessagingException m ? m.getNextException() : null;
        }
        return -1;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (type.isInstance(t)) {
                return true;
            }
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        }
        return false;
    }

    /**
     * A one-line description of a failure for LAST_ERROR and the log (server answers included, no credentials). A
     * TLS certificate the client does not accept is a matter for the operator and says so first.
     */
    static String describe(Exception e) {
        StringBuilder s =
                new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable cause =
                e instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : e.getCause();
        if (cause != null && cause != e) {
            s.append(" (")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage())
                    .append(')');
        }
        String tls = tlsProblem(e);
        if (tls != null) {
            s.insert(0, tls + ": ");
        }
        return s.toString().replaceAll("\\s+", " ").strip();
    }

    /** What is wrong with the server's certificate, when that is why TLS failed; else null. */
    private static String tlsProblem(Exception e) {
        Throwable t = e;
        boolean handshake = false;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof SSLHandshakeException) {
                handshake = true;
            }
            if (handshake && (t instanceof CertificateException || t instanceof CertPathBuilderException)) {
                return "TLS: the server's certificate is not accepted (when it is not trusted: the certificate of its"
                        + " CA, or its own, belongs in smtp.trustedCertificates)";
            }
            if (t instanceof IOException
                    && t.getMessage() != null
                    && t.getMessage().startsWith("Can't verify identity of server")) {
                return "TLS: the server's certificate is not issued for smtp.host";
            }
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        }
        return null;
    }

    private static <T> T withMailClassLoader(Supplier<T> code) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            return code.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
