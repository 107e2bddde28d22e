package org.domus.ledger.internal.shell;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.domus.ledger.payment.PaymentReminders;
import org.domus.ledger.payment.PaymentReminders.ReminderRun;

@Service
@Command(
        scope = "domus",
        name = "payment-reminders",
        description = "Posts the payment reminders due today (or on --date) now; reminders posted before are not"
                + " posted again")
public class PaymentRemindersCommand implements Action {

    @Option(name = "--date", description = "The day to run for, e.g. 2026-11-27 (default: today)")
    String date;

    @Reference
    Session session;

    @Reference
    PaymentReminders reminders;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now() : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            out.println("Error: expected a date like 2026-11-27.");
            return null;
        }
        ReminderRun run = reminders.run(day);
        if (!run.enabled()) {
            out.println("Payment reminders are disabled (reminders.enabled in etc/org.domus.ledger.cfg,"
                    + " or a refused value: see karaf.log); nothing posted.");
            return null;
        }
        out.println("Payment reminders of " + run.date() + ": " + run.units() + " units with an open amount, "
                + run.due() + " due reminders and " + run.overdue() + " overdue reminders posted, "
                + run.alreadySent() + " posted before.");
        return null;
    }
}
