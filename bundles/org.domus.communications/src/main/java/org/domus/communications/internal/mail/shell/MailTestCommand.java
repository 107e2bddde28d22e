package org.domus.communications.internal.mail.shell;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.domus.communications.internal.mail.MailQueue;
import org.domus.communications.internal.mail.MailTemplates;
import org.domus.core.Subject;

@Service
@Command(
        scope = "domus",
        name = "mail-test",
        description = "Queues a test e-mail to the address; it goes through the queue and SMTP like every mail")
public class MailTestCommand implements Action {

    /** Mails queued from the Karaf console are audited under this actor. */
    static final Subject SHELL = Subject.system("shell", "Karaf shell");

    @Argument(index = 0, name = "address", required = true, description = "Where to send the test e-mail")
    String address;

    @Option(name = "--lang", description = "Language of the mail: en, cs, pl or ro (default en)")
    String lang = "en";

    @Reference
    Session session;

    @Reference
    MailQueue queue;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        String language = lang.strip().toLowerCase(Locale.ROOT);
        if (!MailTemplates.LANGUAGES.contains(language)) {
            out.println("Error: --lang must be one of " + MailTemplates.LANGUAGES + ".");
            return null;
        }
        try {
            long id = queue.queueTest(SHELL, address.strip(), Locale.forLanguageTag(language));
            out.println("Test mail " + id + " queued for " + address.strip() + ".");
            if (queue.deliveryEnabled()) {
                out.println("Delivery: " + queue.describeSettings() + ". Follow it with domus:mail-queue.");
            } else {
                out.println("It is not sent yet: " + queue.describeSettings() + " (etc/org.domus.communications.cfg).");
            }
        } catch (IllegalArgumentException e) {
            out.println("Error: " + e.getMessage() + ".");
        }
        return null;
    }
}
