package org.domus.ledger.internal.shell;

import java.io.PrintStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingRun;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;

@Service
@Command(
        scope = "domus",
        name = "billing-run",
        description =
                "Bills a month for an organisation, estate or building (all or nothing; running it again changes nothing)")
public class BillingRunCommand implements Action {

    /** Runs started from the Karaf console are posted and audited under this actor. */
    static final Subject SHELL = Subject.system("shell", "Karaf shell");

    @Argument(index = 0, name = "month", required = true, description = "The month to bill, e.g. 2026-03")
    String month;

    @Argument(index = 1, name = "scope", required = true, description = "organisation, estate or building")
    String scope;

    @Argument(index = 2, name = "id", required = true, description = "Id of the organisation, estate or building")
    long id;

    @Option(name = "--preview", description = "Compute and print the totals without posting anything")
    boolean preview;

    @Option(name = "--reverse", description = "Reverse the posted run with this id instead of billing")
    Long reverse;

    @Reference
    Session session;

    @Reference
    BillingService billing;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        try {
            if (reverse != null) {
                BillingRun run = billing.reverse(SHELL, reverse, null);
                out.println("Billing run " + run.id() + " reversed by transaction " + run.reversalId() + ".");
                return null;
            }
            YearMonth m = YearMonth.parse(month);
            BillingScope s = new BillingScope(ScopeType.valueOf(scope.strip().toUpperCase(Locale.ROOT)), id);
            int[] last = {-1};
            BillingResult result = preview
                    ? billing.preview(SHELL, s, m, null)
                    : billing.run(SHELL, s, m, (phase, done, total) -> {
                        int percent = total == 0 ? 100 : (int) (100L * done / total);
                        if (percent / 10 != last[0]) {
                            last[0] = percent / 10;
                            out.println("  " + phase + " " + done + "/" + total);
                        }
                    });
            if (result.alreadyPosted()) {
                out.println("Already billed: run " + result.run().id() + " posted " + m + " for " + s + " ("
                        + result.run().lines() + " lines, "
                        + result.run().total().toPlainString() + " "
                        + result.currency() + "); nothing changed.");
            } else {
                out.println((result.preview()
                                ? "Preview (nothing posted): "
                                : "Posted run " + result.run().id() + ": ")
                        + result.units() + " units, " + result.lines().size() + " lines, "
                        + result.total().toPlainString() + " " + result.currency()
                        + (result.skippedUnits() > 0 ? ", " + result.skippedUnits() + " units already billed" : "")
                        + ".");
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            session.getConsole()
                    .println("Error: expected a month like 2026-03 and a scope organisation, estate or building.");
        } catch (DomusException e) {
            session.getConsole().println("Error: " + e.messageKey() + " " + e.arguments());
        }
        return null;
    }
}
