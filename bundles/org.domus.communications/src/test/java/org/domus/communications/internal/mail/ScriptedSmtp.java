package org.domus.communications.internal.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server for what GreenMail does not do: it answers RCPT TO with a configurable reply (such as a
 * permanent 550) and accepts each message after a configurable pause (a slow server). Records the Message-IDs it
 * accepted.
 */
final class ScriptedSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final String rcptReply;
    private final long pauseMillis;
    final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ScriptedSmtp(String rcptReply, long pauseMillis) throws IOException {
        this.server = new ServerSocket(0);
        this.rcptReply = rcptReply;
        this.pauseMillis = pauseMillis;
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
        BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase();
            if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                reply(out, "250 scripted");
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

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
