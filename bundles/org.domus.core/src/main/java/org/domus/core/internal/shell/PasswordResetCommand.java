package org.domus.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.domus.core.DomusException;
import org.domus.core.account.AccountService;
import org.domus.core.internal.account.Tokens;

@Service
@Command(
        scope = "domus",
        name = "password-reset",
        description = "Sets a new password, clears any lockout and ends the account's sessions")
public class PasswordResetCommand implements Action {

    @Argument(index = 0, name = "login", required = true, description = "Login of the account")
    String login;

    @Option(name = "--password", description = "New password; when absent one is generated and printed once")
    String password;

    @Option(name = "--no-must-change", description = "Do not force a new password at the next login")
    boolean keep;

    /** Output goes to the calling console (local, SSH or a script), never to the JVM's stdout. */
    @Reference
    Session session;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() {
        boolean generated = password == null || password.isEmpty();
        String secret = generated ? new Tokens().password() : password;
        try {
            accounts.resetPassword(login, secret.toCharArray(), !keep, ShellSupport.SHELL);
            session.getConsole()
                    .println("Password of " + login + " reset"
                            + (keep ? "." : "; it must be changed at the next login."));
            if (generated) {
                session.getConsole().println("New password (shown only now): " + secret);
            }
        } catch (DomusException e) {
            ShellSupport.printError(session.getConsole(), e);
        }
        return null;
    }
}
