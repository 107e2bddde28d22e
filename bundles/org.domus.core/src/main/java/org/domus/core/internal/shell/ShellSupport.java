package org.domus.core.internal.shell;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;

/** What the domus shell commands share: the acting subject, role parsing, readable errors. */
final class ShellSupport {

    /** Changes made from the Karaf console are audited under this actor. */
    static final Subject SHELL = Subject.system("shell", "Karaf shell");

    /** English texts for the keys the account services raise; the shell has no translation bundle. */
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("password.too-short", "The password must have at least {0} characters."),
            Map.entry("password.too-long", "The password must have at most {0} characters."),
            Map.entry("password.equals-login", "The password must not be the login."),
            Map.entry("password.too-common", "The password is too common (it is on the list of known passwords)."),
            Map.entry(
                    "account.login.invalid",
                    "The login must have 3 to 64 characters: letters, digits, '.', '-', '_' or '@'."),
            Map.entry("account.login.taken", "The login {0} is taken."),
            Map.entry("account.display-name.invalid", "The name must have 1 to 200 characters."),
            Map.entry("account.email.invalid", "The e-mail address is not valid."),
            Map.entry("account.not-found", "No such account."));

    private ShellSupport() {}

    static void printError(PrintStream err, DomusException e) {
        String text = TEXTS.get(e.messageKey());
        err.println("Error: "
                + (text == null
                        ? e.messageKey() + " " + e.arguments()
                        : MessageFormat.format(text, e.arguments().toArray())));
    }

    /** Parses role names case-insensitively; null when one is unknown (after printing why). */
    static Set<Role> roles(List<String> names, PrintStream err) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (String name : names) {
            for (String part : name.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    roles.add(Role.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    err.println("Error: unknown role " + part.strip() + "; known roles: " + List.of(Role.values()));
                    return null;
                }
            }
        }
        return roles;
    }
}
