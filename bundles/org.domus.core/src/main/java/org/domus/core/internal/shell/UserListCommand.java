package org.domus.core.internal.shell;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;

@Service
@Command(scope = "domus", name = "user-list", description = "Lists the user accounts")
public class UserListCommand implements Action {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Output goes to the calling console (local, SSH or a script), never to the JVM's stdout. */
    @Reference
    Session session;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Login");
        table.column("Name");
        table.column("Roles");
        table.column("Status");
        table.column("Last login");
        for (Account a : accounts.list()) {
            table.addRow()
                    .addContent(
                            a.login(),
                            a.displayName(),
                            a.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                            a.status() + (a.mustChangePassword() ? " (must change password)" : ""),
                            a.lastLoginAt() == null
                                    ? "never"
                                    : WHEN.format(a.lastLoginAt().atZone(ZoneId.systemDefault())));
        }
        table.print(session.getConsole());
        return null;
    }
}
