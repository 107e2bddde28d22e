package org.domus.itests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * GreenMail (a real SMTP server on a TCP port) inside the test container, optionally behind a slow relay that
 * delays every chunk the client sends, so that a queue takes seconds to deliver and a restart lands in the middle
 * of it. Only loaded once the GreenMail bundle is installed (the probe imports its packages dynamically).
 */
final class MailTestServer implements AutoCloseable {

    private final int port;
    private GreenMail greenMail;
    private ServerSocket relay;

    MailTestServer(int port) {
        this.port = port;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** The Message-IDs of the received mails to addresses starting with the prefix, in order of arrival. */
    List<String> messageIds(String addressPrefix) {
        List<String> ids = new ArrayList<>();
        if (greenMail == null) {
            return ids;
        }
        try {
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().startsWith(addressPrefix)) {
                    ids.add(m.getMessageID());
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /**
     * A relay on a port of its own to this server, holding every chunk from the client back {@code delayMillis}.
     *
     * @return the relay's port
     */
    int slowRelay(long delayMillis) throws IOException {
        relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!relay.isClosed()) {
                        try {
                            Socket client = relay.accept();
                            Socket server = new Socket("127.0.0.1", port);
                            pump(client.getInputStream(), server.getOutputStream(), delayMillis, client, server);
                            pump(server.getInputStream(), client.getOutputStream(), 0, client, server);
                        } catch (IOException e) {
                            // relay closed, or the server is not there: the client sees the connection drop
                        }
                    }
                },
                "slow-smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
        return relay.getLocalPort();
    }

    private static void pump(InputStream in, OutputStream out, long delayMillis, Socket a, Socket b) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try {
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            if (delayMillis > 0) {
                                Thread.sleep(delayMillis);
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // one side hung up
                    } finally {
                        try {
                            a.close();
                            b.close();
                        } catch (IOException e) {
                            // closing anyway
                        }
                    }
                },
                "slow-smtp-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        stop();
        if (relay != null) {
            relay.close();
        }
    }
}
