package org.domus.communications.internal.mail.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.domus.communications.internal.mail.MailQueue;
import org.domus.communications.internal.mail.MailState;
import org.domus.communications.internal.mail.QueuedMail;

@Service
@Command(
        scope = "domus",
        name = "mail-queue",
        description = "Shows the e-mail queue: mails per state and the last errors; --retry requeues a failed mail")
public class MailQueueCommand implements Action {

    @Option(name = "--retry", description = "Put the FAILED mail with this id back into the queue")
    Long retry;

    @Option(name = "--errors", description = "How many of the last errors to list (default 10)")
    int errors = 10;

    @Reference
    Session session;

    @Reference
    MailQueue queue;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        if (retry != null) {
            if (queue.retry(MailTestCommand.SHELL, retry)) {
                out.println("Mail " + retry + " is queued again.");
            } else {
                out.println("Error: there is no failed mail " + retry + "."
                        + queue.find(retry)
                                .map(e -> " It is " + e.state() + ".")
                                .orElse(""));
            }
            return null;
        }
        out.println("Delivery: " + queue.describeSettings());
        StringBuilder line = new StringBuilder();
        for (Map.Entry<?, Long> e : queue.counts().entrySet()) {
            line.append(line.length() == 0 ? "" : "  ")
                    .append(e.getKey())
                    .append(' ')
                    .append(e.getValue());
        }
        out.println(line);
        List<QueuedMail> list = queue.lastErrors(Math.max(1, errors));
        if (!list.isEmpty()) {
            out.println("Last errors:");
            list.forEach(e -> out.println("  " + e.id() + " " + e.state() + " attempts " + e.attempts() + " to "
                    + e.address() + " (" + e.template() + ")"
                    + (e.state() == MailState.QUEUED ? " next " + e.nextAttemptAt() : "") + ": "
                    + e.lastError()));
        }
        return null;
    }
}
