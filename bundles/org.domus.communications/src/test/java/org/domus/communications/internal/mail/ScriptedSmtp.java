package org.domus.communications.internal.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SMTP server for what GreenMail does not do: it answers RCPT TO with a configurable reply (such as a
 * permanent 550) and accepts each message after a configurable pause (a slow server); it speaks SMTPS or offers
 * STARTTLS with a given certificate. Records the Message-IDs it accepted and the commands it received.
 */
final class ScriptedSmtp implements AutoCloseable {

    /** How the server uses TLS. */
    enum Tls {
        /** Plain SMTP, no STARTTLS offered. */
        NONE,
        /** SMTPS: TLS from the first byte. */
        SSL,
        /** Plain SMTP offering STARTTLS in its EHLO answer. */
        STARTTLS
    }

    /** A command as the server received it: its verb and whether it came over TLS. */
    record Command(String verb, boolean tls) {}

    private final ServerSocket server;
    private final String rcptReply;
    private final long pauseMillis;
    private final Tls tls;
    private final SSLContext context;
    final List<String> accepted = new CopyOnWriteArrayList<>();
    final List<Command> commands = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ScriptedSmtp(String rcptReply, long pauseMillis) throws IOException {
        this(rcptReply, pauseMillis, Tls.NONE, null);
    }

    /** @param context the server's key (for {@link Tls#SSL} and {@link Tls#STARTTLS}) */
    ScriptedSmtp(String rcptReply, long pauseMillis, Tls tls, SSLContext context) throws IOException {
        this.server = tls == Tls.SSL ? context.getServerSocketFactory().createServerSocket(0) : new ServerSocket(0);
        this.rcptReply = rcptReply;
        this.pauseMillis = pauseMillis;
        this.tls = tls;
        this.context = context;
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                session(socket);
            } catch (IOException e) {
                // closed, or the client hung up
            }
        }
    }

    private void session(Socket socket) throws IOException {
        boolean secure = tls == Tls.SSL;
        BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase(Locale.ROOT);
            commands.add(new Command(verb(upper), secure));
            if (upper.startsWith("EHLO")) {
                if (tls == Tls.STARTTLS && !secure) {
                    reply(out, "250-scripted");
                    reply(out, "250 STARTTLS");
                } else {
                    reply(out, "250 scripted");
                }
            } else if (upper.startsWith("HELO")) {
                reply(out, "250 scripted");
            } else if (upper.startsWith("STARTTLS") && tls == Tls.STARTTLS && !secure) {
                reply(out, "220 ready to start TLS");
                SSLSocket upgraded = (SSLSocket) context.getSocketFactory()
                        .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                upgraded.setUseClientMode(false);
                upgraded.startHandshake();
                secure = true;
                // RFC 3207: all that was said before is forgotten, the client starts again with EHLO
                in = new BufferedReader(new InputStreamReader(upgraded.getInputStream(), StandardCharsets.US_ASCII));
                out = new PrintWriter(upgraded.getOutputStream(), true, StandardCharsets.US_ASCII);
            } else if (upper.startsWith("MAIL FROM")) {
                reply(out, "250 OK");
            } else if (upper.startsWith("RCPT TO")) {
                reply(out, rcptReply);
            } else if (upper.startsWith("DATA")) {
                reply(out, "354 go on");
                String messageId = null;
                String l;
                while ((l = in.readLine()) != null && !l.equals(".")) {
                    if (messageId == null && l.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                        messageId = l.substring(11).strip();
                    }
                }
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                accepted.add(messageId);
                reply(out, "250 accepted");
            } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
                reply(out, "250 OK");
            } else if (upper.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "502 not implemented");
            }
        }
    }

    /** The command's name: "MAIL FROM", "RCPT TO", else the first word. */
    private static String verb(String upper) {
        int colon = upper.indexOf(':');
        if ((upper.startsWith("MAIL FROM") || upper.startsWith("RCPT TO")) && colon > 0) {
            return upper.substring(0, colon).strip();
        }
        int space = upper.indexOf(' ');
        return space < 0 ? upper : upper.substring(0, space);
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
