package org.domus.core.internal.shell;

import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;
import org.domus.core.account.NewAccount;
import org.domus.core.internal.account.Tokens;

@Service
@Command(scope = "domus", name = "user-add", description = "Creates a user account")
public class UserAddCommand implements Action {

    @Argument(index = 0, name = "login", required = true, description = "Login name (3-64 characters)")
    String login;

    @Option(name = "--name", description = "Display name (default: the login)")
    String name;

    @Option(name = "--email", description = "E-mail address")
    String email;

    @Option(
            name = "--role",
            multiValued = true,
            description = "Role to grant (repeatable): "
                    + "RESIDENT, MANAGER, ACCOUNTANT, TECHNICIAN, CONTRACTOR, BOARD, ADMIN")
    List<String> roles;

    @Option(
            name = "--password",
            description = "Initial password; when absent one is generated, printed once "
                    + "and must be changed at the first login")
    String password;

    /** Output goes to the calling console (local, SSH or a script), never to the JVM's stdout. */
    @Reference
    Session session;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() {
        Set<Role> granted = ShellSupport.roles(roles, session.getConsole());
        if (granted == null) {
            return null;
        }
        boolean generated = password == null || password.isEmpty();
        String secret = generated ? new Tokens().password() : password;
        try {
            Account account = accounts.create(
                    new NewAccount(
                            login,
                            name == null || name.isBlank() ? login : name,
                            email,
                            secret.toCharArray(),
                            granted,
                            null,
                            generated),
                    ShellSupport.SHELL);
            session.getConsole()
                    .println("Created account " + account.login() + " (id " + account.id() + ") with roles "
                            + account.roles());
            if (generated) {
                session.getConsole()
                        .println("Initial password (shown only now, must be changed at first login): " + secret);
            }
        } catch (DomusException e) {
            ShellSupport.printError(session.getConsole(), e);
        }
        return null;
    }
}
