package org.domus.core.internal.account;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.Account;
import org.domus.core.account.AccountIssuance;
import org.domus.core.account.AccountService;
import org.domus.core.account.NewAccount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Issues accounts through {@link AccountService}, which validates, stores and audits them. */
@Component(service = AccountIssuance.class, configurationPid = IdentityConfig.PID)
public class AccountIssuanceImpl implements AccountIssuance {

    private static final Set<String> LANGUAGES = Set.of("en", "cs", "pl", "ro");

    private final AccountService accounts;
    private final Tokens tokens;
    private final String cooperative;
    private final Locale letterLocale;
    private final Clock clock;

    @Activate
    public AccountIssuanceImpl(@Reference AccountService accounts, IdentityConfig config) {
        this(accounts, new Tokens(), config.cooperativeName(), config.cooperativeLanguage(), Clock.systemDefaultZone());
    }

    AccountIssuanceImpl(AccountService accounts, Tokens tokens, String cooperative, String language, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts);
        this.tokens = Objects.requireNonNull(tokens);
        this.cooperative = cooperative == null || cooperative.isBlank() ? "Domus" : cooperative.strip();
        String lang = language == null ? "en" : language.strip().toLowerCase(Locale.ROOT);
        this.letterLocale = Locale.forLanguageTag(LANGUAGES.contains(lang) ? lang : "en");
        this.clock = clock;
    }

    @Override
    public Issued issue(Request request, Subject actor) {
        Objects.requireNonNull(request, "request");
        if (request.displayName() == null || request.displayName().isBlank()) {
            throw new DomusException(Kind.INVALID, "account.display-name.invalid");
        }
        if (request.roles() != null && request.roles().stream().anyMatch(r -> r != Role.RESIDENT)) {
            // Staff roles need a scope, which the office grants on the issued account afterwards.
            throw new DomusException(Kind.INVALID, "account.issue.staff-role");
        }
        String password = tokens.password();
        // A racing issuance may take the proposed login first: the service's unique key refuses the
        // second, and a fresh proposal then skips it.
        for (int attempt = 0; ; attempt++) {
            String login = proposeLogin(request.displayName());
            try {
                Account account = accounts.create(
                        new NewAccount(
                                login,
                                request.displayName().strip(),
                                request.email(),
                                password.toCharArray(),
                                request.roles() == null ? Set.of() : request.roles(),
                                request.locale(),
                                true),
                        actor);
                return new Issued(account, password);
            } catch (DomusException e) {
                if (e.kind() != Kind.CONFLICT || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Issued resetPassword(long accountId, Subject actor) {
        Account account =
                accounts.findById(accountId).orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "account.not-found"));
        String password = tokens.password();
        accounts.resetPassword(account.login(), password.toCharArray(), true, actor);
        return new Issued(accounts.findById(accountId).orElseThrow(), password);
    }

    @Override
    public String proposeLogin(String displayName) {
        String base = baseLogin(displayName);
        if (accounts.findByLogin(base).isEmpty()) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + n;
            if (accounts.findByLogin(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    /** {@code first.last} in lower-case ASCII; letters without a decomposition are mapped by hand. */
    static String baseLogin(String displayName) {
        String folded = Normalizer.normalize(displayName == null ? "" : displayName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ł", "l")
                .replace("Ł", "L")
                .replace("đ", "d")
                .replace("Đ", "D")
                .replace("ß", "ss")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("æ", "ae")
                .replace("Æ", "AE")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : folded.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        String login = words.isEmpty()
                ? "user"
                : words.size() == 1 ? words.get(0) : words.get(0) + "." + words.get(words.size() - 1);
        if (login.length() > 60) {
            login = login.substring(0, 60);
        }
        return login.length() < 3 ? login + "user".substring(0, 3 - login.length() + 1) : login;
    }

    @Override
    public byte[] handoverLetter(Issued issued, String signInUrl) {
        return HandoverLetterPdf.render(new HandoverLetterPdf.Content(
                issued.account().displayName(),
                issued.account().login(),
                issued.initialPassword(),
                signInUrl,
                cooperative,
                letterLocale,
                LocalDate.now(clock.withZone(ZoneId.systemDefault()))));
    }
}
