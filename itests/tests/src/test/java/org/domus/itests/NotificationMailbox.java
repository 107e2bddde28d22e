package org.domus.itests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import javax.mail.Address;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) in the test container whose received mails the notification tests read by
 * recipient. Only loaded once the GreenMail bundle and the module's javax.mail are installed (the probe imports
 * their packages dynamically), so no mail type appears in the signatures the tests see.
 */
final class NotificationMailbox implements AutoCloseable {

    /** A received mail: its subject and its whole text (every part). */
    record Mail(String subject, String content) {}

    private final GreenMail greenMail;

    NotificationMailbox() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    /** The mails received for the address, in order of arrival. */
    List<Mail> to(String address) {
        List<Mail> found = new ArrayList<>();
        try {
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                for (Address a : m.getRecipients(Message.RecipientType.TO)) {
                    if (a.toString().contains(address)) {
                        found.add(new Mail(m.getSubject(), GreenMailUtil.getBody(m)));
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
