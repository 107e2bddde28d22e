package org.domus.core.internal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;
import org.domus.core.account.AccountStatus;
import org.domus.core.account.AuthenticationResult;
import org.domus.core.account.AuthenticationResult.Outcome;
import org.domus.core.account.ClientInfo;
import org.domus.core.account.LoginEvent;
import org.domus.core.account.NewAccount;
import org.domus.core.internal.jpa.AccountEntity;
import org.domus.core.internal.jpa.AccountRoleEntity;
import org.domus.core.internal.jpa.LoginEventEntity;
import org.domus.core.internal.jpa.SessionEntity;
import org.domus.core.internal.jpa.TotpEntity;
import org.domus.core.internal.registry.BuildingEntity;
import org.domus.core.internal.registry.EstateEntity;
import org.domus.core.internal.registry.OrganisationEntity;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts in CORE_ACCOUNT / CORE_ACCOUNT_ROLE. The slow part of every password operation (Argon2)
 * runs outside any transaction, so a login does not hold a database connection for its duration.
 */
@Component(service = AccountService.class, configurationPid = IdentityConfig.PID)
public class AccountServiceImpl implements AccountService {

    static final String UNIT_TARGET = "(osgi.unit.name=domus.core)";
    static final String SCHEMA_TARGET = "(" + MigratedSchema.PROPERTY + "=org.domus.core)";

    private static final Logger LOG = LoggerFactory.getLogger(AccountServiceImpl.class);
    private static final Pattern LOGIN = Pattern.compile("[\\p{L}\\p{N}._@-]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String ENTITY = "account";

    /** Outcomes recorded in CORE_LOGIN_EVENT besides those of {@link Outcome}. */
    static final String LOCKOUT = "LOCKOUT";

    static final String BAD_SECOND_FACTOR = "BAD_SECOND_FACTOR";
    /** How long a correct password waits for its second factor. */
    static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
    /** Wrong codes one challenge takes before the password has to be entered again. */
    static final int CHALLENGE_ATTEMPTS = 5;

    /** A correct password waiting for its code; kept in memory (sticky sessions keep a sign-in on one node). */
    private record Challenge(long accountId, Instant expiresAt, int attempts) {}

    private final java.util.concurrent.ConcurrentHashMap<String, Challenge> challenges =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final SecondFactor secondFactor;
    private final Tokens tokens = new Tokens();

    private final JpaTemplate jpa;
    private final Argon2PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;
    /** Verified against when the login is unknown, so that the answer takes as long as for a real one. */
    private final String dummyHash;

    @Activate
    public AccountServiceImpl(
            @Reference(target = UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = SCHEMA_TARGET) MigratedSchema schema,
            @Reference SecretKeyFile key,
            IdentityConfig config) {
        this(
                jpa,
                new Argon2PasswordHasher(),
                new PasswordPolicy(),
                Clock.systemUTC(),
                new SecondFactor(
                        key.box(),
                        Clock.systemUTC(),
                        new java.security.SecureRandom(),
                        SecondFactor.roles(config.totpRequiredRoles())));
    }

    /**
     * Without TOTP settings: nobody is required to use TOTP (tests of the password part). Not public: DS
     * picks the activation constructor by its number of arguments, and this one has as many.
     */
    /**
     * For tests, generators and benchmarks outside OSGi. A factory, not a public constructor: SCR must
     * only ever see the DS constructor.
     */
    public static AccountServiceImpl create(
            JpaTemplate jpa, Argon2PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
        return new AccountServiceImpl(jpa, hasher, policy, clock);
    }

    AccountServiceImpl(JpaTemplate jpa, Argon2PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
        this(
                jpa,
                hasher,
                policy,
                clock,
                new SecondFactor(SecretBox.random(), clock, new java.security.SecureRandom(), Set.of()));
    }

    AccountServiceImpl(
            JpaTemplate jpa,
            Argon2PasswordHasher hasher,
            PasswordPolicy policy,
            Clock clock,
            SecondFactor secondFactor) {
        this.jpa = Objects.requireNonNull(jpa);
        this.hasher = Objects.requireNonNull(hasher);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        this.secondFactor = Objects.requireNonNull(secondFactor);
        this.dummyHash = hasher.hash("domus-timing-equaliser".toCharArray());
    }

    // ---- create and read ------------------------------------------------------------------------

    @Override
    public Account create(NewAccount request, Subject actor) {
        Objects.requireNonNull(request, "account");
        String login = normaliseLogin(request.login());
        String displayName =
                request.displayName() == null ? "" : request.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 200) {
            throw new DomusException(Kind.INVALID, "account.display-name.invalid");
        }
        String email = normaliseEmail(request.email());
        policy.check(login, request.password());
        Set<Role> roles = request.roles() == null ? Set.of() : EnumSet.copyOf(nonEmpty(request.roles()));
        if (findEntity(login).isPresent()) {
            throw new DomusException(Kind.CONFLICT, "account.login.taken", login);
        }
        String hash = hasher.hash(request.password());
        Instant now = clock.instant();
        try {
            Account created = jpa.txExpr(TransactionType.Required, em -> {
                AccountEntity a = new AccountEntity();
                a.setLogin(login);
                a.setDisplayName(displayName);
                a.setEmail(email);
                a.setPasswordHash(hash);
                a.setStatus(AccountStatus.ACTIVE.name());
                a.setMustChangePassword(request.mustChangePassword());
                a.setLocale(request.locale() == null ? null : request.locale().toLanguageTag());
                a.setCreatedAt(now);
                a.setPasswordChangedAt(now);
                em.persist(a);
                em.flush(); // the id is needed for the roles
                for (Role role : roles) {
                    em.persist(new AccountRoleEntity(a.getId(), role.name()));
                }
                Account account = toAccount(a, roles, now);
                Audit.record(em, actor, now, "account.create", ENTITY, a.getId(), null, describe(account));
                return account;
            });
            LOG.info("Account {} created by {} with roles {}", login, actorName(actor), roles);
            return created;
        } catch (PersistenceException e) {
            // Two creations of the same login raced past the check above; the unique key decided.
            if (findEntity(login).isPresent()) {
                throw new DomusException(Kind.CONFLICT, "account.login.taken", login);
            }
            throw e;
        }
    }

    @Override
    public List<Account> list() {
        Instant now = clock.instant();
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<Long, Set<Role>> roles = new HashMap<>();
            for (AccountRoleEntity r : em.createNamedQuery(AccountRoleEntity.ALL, AccountRoleEntity.class)
                    .getResultList()) {
                roles.computeIfAbsent(r.getAccountId(), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(r.getRole()));
            }
            List<Account> result = new ArrayList<>();
            for (AccountEntity a :
                    em.createNamedQuery(AccountEntity.ALL, AccountEntity.class).getResultList()) {
                result.add(toAccount(a, roles.getOrDefault(a.getId(), Set.of()), now));
            }
            return result;
        });
    }

    /** Whether no account exists at all (first start, demo data). */
    public boolean isEmpty() {
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createNamedQuery(AccountEntity.COUNT, Long.class).getSingleResult() == 0L);
    }

    @Override
    public Optional<Account> findByLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        String key = login.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        return jpa.txExpr(
                TransactionType.Required, em -> byLogin(em, key).map(a -> toAccount(a, rolesOf(em, a.getId()), now)));
    }

    @Override
    public Optional<Account> findById(long id) {
        Instant now = clock.instant();
        return jpa.txExpr(TransactionType.Required, em -> Optional.ofNullable(em.find(AccountEntity.class, id))
                .map(a -> toAccount(a, rolesOf(em, id), now)));
    }

    @Override
    public Optional<Subject> subjectOf(long accountId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            if (a == null || !AccountStatus.ACTIVE.name().equals(a.getStatus())) {
                return Optional.empty();
            }
            return Optional.of(toSubject(a, grantsOf(em, accountId)));
        });
    }

    // ---- authentication ---------------------------------------------------------------------------

    /** What authentication reads before the (slow) password check. */
    private record Snapshot(long id, String login, String hash, String status, Instant lockedUntil) {}

    @Override
    public AuthenticationResult authenticate(String login, char[] password, ClientInfo client) {
        ClientInfo from = client == null ? new ClientInfo(null, null) : client;
        String key = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        char[] attempt = password == null ? new char[0] : password;
        Instant now = clock.instant();

        Optional<Snapshot> found = key.isEmpty() || key.length() > 64
                ? Optional.empty()
                : jpa.txExpr(TransactionType.Required, em -> byLogin(em, key)
                        .map(a -> new Snapshot(
                                a.getId(), a.getLogin(), a.getPasswordHash(), a.getStatus(), a.getLockedUntil())));

        if (found.isEmpty()) {
            hasher.verify(attempt, dummyHash); // same cost as a real check: existence does not leak by timing
            recordEvent(null, key, now, from, Outcome.BAD_CREDENTIALS.name());
            LOG.info("Failed login for unknown account '{}' from {}", abbreviate(key), from.address());
            return AuthenticationResult.failed(Outcome.BAD_CREDENTIALS);
        }
        Snapshot s = found.get();
        if (AccountStatus.DISABLED.name().equals(s.status())) {
            hasher.verify(attempt, dummyHash);
            recordEvent(s.id(), key, now, from, Outcome.DISABLED.name());
            LOG.info("Login refused for disabled account {} from {}", s.login(), from.address());
            return AuthenticationResult.failed(Outcome.DISABLED);
        }
        if (AccountStatus.LOCKED.name().equals(s.status())
                || (s.lockedUntil() != null && now.isBefore(s.lockedUntil()))) {
            // Locked attempts neither check the password nor extend the lock.
            hasher.verify(attempt, dummyHash);
            recordEvent(s.id(), key, now, from, Outcome.LOCKED.name());
            LOG.info("Login refused for locked account {} from {}", s.login(), from.address());
            return AuthenticationResult.failed(Outcome.LOCKED);
        }

        boolean ok = hasher.verify(attempt, s.hash());
        String newHash = ok && hasher.needsRehash(s.hash()) ? hasher.hash(attempt) : null;
        return retryOnConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, s.id());
            if (a == null) {
                return AuthenticationResult.failed(Outcome.BAD_CREDENTIALS);
            }
            if (ok && SecondFactor.enabled(em, a.getId()) != null) {
                // Failures are not cleared here: the code may still be wrong, and clearing them would let
                // someone who knows the password guess codes without ever being locked out.
                return AuthenticationResult.secondFactorRequired(newChallenge(a.getId(), now));
            }
            if (ok) {
                a.setFailedAttempts(0);
                a.setLockedUntil(null);
                a.setLastLoginAt(now);
                if (newHash != null && s.hash().equals(a.getPasswordHash())) {
                    a.setPasswordHash(newHash);
                    LOG.info("Password hash of {} upgraded to the current Argon2 parameters", a.getLogin());
                }
                em.persist(new LoginEventEntity(
                        a.getId(), a.getLogin(), now, ip(from), agent(from), Outcome.SUCCESS.name()));
                Set<Role> roles = rolesOf(em, a.getId());
                return new AuthenticationResult(
                        Outcome.SUCCESS,
                        toSubject(a, grantsOf(em, a.getId())),
                        a.isMustChangePassword(),
                        secondFactor.requiredFor(roles),
                        null);
            }
            int failures = a.getFailedAttempts() + 1;
            a.setFailedAttempts(failures);
            em.persist(new LoginEventEntity(
                    a.getId(), a.getLogin(), now, ip(from), agent(from), Outcome.BAD_CREDENTIALS.name()));
            Duration lock = Lockout.delayAfter(failures);
            LOG.info("Failed login {} in a row for {} from {}", failures, a.getLogin(), from.address());
            if (!lock.isZero()) {
                a.setLockedUntil(now.plus(lock));
                em.persist(new LoginEventEntity(a.getId(), a.getLogin(), now, ip(from), agent(from), LOCKOUT));
                LOG.warn(
                        "Account {} locked for {} min after {} consecutive failed logins (last from {})",
                        a.getLogin(),
                        lock.toMinutes(),
                        failures,
                        from.address());
            }
            return AuthenticationResult.failed(Outcome.BAD_CREDENTIALS);
        }));
    }

    private String newChallenge(long accountId, Instant now) {
        challenges.values().removeIf(c -> !now.isBefore(c.expiresAt()));
        String token = tokens.sessionToken();
        challenges.put(Tokens.sha256Hex(token), new Challenge(accountId, now.plus(CHALLENGE_TTL), 0));
        return token;
    }

    @Override
    public AuthenticationResult completeSecondFactor(String challenge, String code, ClientInfo client) {
        ClientInfo from = client == null ? new ClientInfo(null, null) : client;
        Instant now = clock.instant();
        String key = challenge == null ? "" : Tokens.sha256Hex(challenge);
        Challenge c = challenges.get(key);
        if (c == null || !now.isBefore(c.expiresAt())) {
            challenges.remove(key);
            return AuthenticationResult.failed(Outcome.BAD_CREDENTIALS);
        }
        AuthenticationResult result = retryOnConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, c.accountId());
            if (a == null) {
                return AuthenticationResult.failed(Outcome.BAD_CREDENTIALS);
            }
            if (!AccountStatus.ACTIVE.name().equals(a.getStatus())) {
                em.persist(new LoginEventEntity(a.getId(), a.getLogin(), now, ip(from), agent(from), a.getStatus()));
                return AuthenticationResult.failed(Outcome.valueOf(a.getStatus()));
            }
            if (a.getLockedUntil() != null && now.isBefore(a.getLockedUntil())) {
                em.persist(new LoginEventEntity(
                        a.getId(), a.getLogin(), now, ip(from), agent(from), Outcome.LOCKED.name()));
                return AuthenticationResult.failed(Outcome.LOCKED);
            }
            TotpEntity totp = SecondFactor.enabled(em, a.getId());
            boolean totpOk = secondFactor.acceptTotp(totp, code);
            boolean recoveryOk = !totpOk && totp != null && secondFactor.useRecoveryCode(em, a.getId(), code);
            if (totpOk || recoveryOk) {
                a.setFailedAttempts(0);
                a.setLockedUntil(null);
                a.setLastLoginAt(now);
                em.persist(new LoginEventEntity(
                        a.getId(), a.getLogin(), now, ip(from), agent(from), Outcome.SUCCESS.name()));
                Subject subject = toSubject(a, grantsOf(em, a.getId()));
                if (recoveryOk) {
                    Audit.record(
                            em,
                            subject,
                            now,
                            "account.totp.recovery-code.use",
                            ENTITY,
                            a.getId(),
                            null,
                            Map.of("recoveryCodesLeft", SecondFactor.unusedRecoveryCodes(em, a.getId())));
                }
                return new AuthenticationResult(Outcome.SUCCESS, subject, a.isMustChangePassword(), false, null);
            }
            int failures = a.getFailedAttempts() + 1;
            a.setFailedAttempts(failures);
            em.persist(new LoginEventEntity(a.getId(), a.getLogin(), now, ip(from), agent(from), BAD_SECOND_FACTOR));
            Duration lock = Lockout.delayAfter(failures);
            if (!lock.isZero()) {
                a.setLockedUntil(now.plus(lock));
                em.persist(new LoginEventEntity(a.getId(), a.getLogin(), now, ip(from), agent(from), LOCKOUT));
                LOG.warn(
                        "Account {} locked for {} min after {} consecutive failed sign-ins (last a wrong code from {})",
                        a.getLogin(),
                        lock.toMinutes(),
                        failures,
                        from.address());
            }
            return AuthenticationResult.failed(Outcome.BAD_CREDENTIALS);
        }));
        if (result.succeeded()) {
            challenges.remove(key);
        } else if (c.attempts() + 1 >= CHALLENGE_ATTEMPTS || result.outcome() != Outcome.BAD_CREDENTIALS) {
            challenges.remove(key);
        } else {
            challenges.computeIfPresent(
                    key, (k, old) -> new Challenge(old.accountId(), old.expiresAt(), old.attempts() + 1));
        }
        return result;
    }

    @Override
    public List<LoginEvent> loginHistory(long accountId, int limit) {
        int max = Math.max(1, Math.min(500, limit));
        return jpa.txExpr(TransactionType.Required, em -> em
                .createNamedQuery(LoginEventEntity.BY_ACCOUNT, LoginEventEntity.class)
                .setParameter("accountId", accountId)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(e -> new LoginEvent(e.getOccurredAt(), e.getClientIp(), e.getUserAgent(), e.getOutcome()))
                .toList());
    }

    // ---- changes ------------------------------------------------------------------------------------

    @Override
    public void changePassword(long accountId, char[] currentPassword, char[] newPassword) {
        Snapshot s = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            if (a == null) {
                throw new DomusException(Kind.NOT_FOUND, "account.not-found");
            }
            return new Snapshot(a.getId(), a.getLogin(), a.getPasswordHash(), a.getStatus(), a.getLockedUntil());
        });
        if (!hasher.verify(currentPassword == null ? new char[0] : currentPassword, s.hash())) {
            throw new DomusException(Kind.INVALID, "password.current-wrong");
        }
        policy.check(s.login(), newPassword);
        if (PasswordPolicy.sameChars(currentPassword, newPassword)) {
            throw new DomusException(Kind.INVALID, "password.unchanged");
        }
        String hash = hasher.hash(newPassword);
        Instant now = clock.instant();
        retryOnConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            boolean before = a.isMustChangePassword();
            a.setPasswordHash(hash);
            a.setMustChangePassword(false);
            a.setPasswordChangedAt(now);
            Subject self = toSubject(a, grantsOf(em, accountId));
            Audit.record(
                    em,
                    self,
                    now,
                    "account.password.change",
                    ENTITY,
                    accountId,
                    Map.of("mustChangePassword", before),
                    Map.of("mustChangePassword", false, "passwordChanged", true));
            return null;
        }));
        LOG.info("Account {} changed its password", s.login());
    }

    @Override
    public void resetPassword(String login, char[] newPassword, boolean mustChange, Subject actor) {
        String key = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        AccountEntity existing =
                findEntity(key).orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "account.not-found"));
        policy.check(existing.getLogin(), newPassword);
        String hash = hasher.hash(newPassword);
        Instant now = clock.instant();
        retryOnConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, existing.getId());
            if (a == null) {
                throw new DomusException(Kind.NOT_FOUND, "account.not-found");
            }
            Map<String, Object> before = Map.of(
                    "mustChangePassword",
                    a.isMustChangePassword(),
                    "failedAttempts",
                    a.getFailedAttempts(),
                    "locked",
                    a.getLockedUntil() != null);
            a.setPasswordHash(hash);
            a.setMustChangePassword(mustChange);
            a.setPasswordChangedAt(now);
            a.setFailedAttempts(0);
            a.setLockedUntil(null);
            // A reset means the old password may be known to someone else: end every session.
            em.createNamedQuery(SessionEntity.DELETE_BY_ACCOUNT)
                    .setParameter("accountId", a.getId())
                    .executeUpdate();
            Audit.record(
                    em,
                    actor,
                    now,
                    "account.password.reset",
                    ENTITY,
                    a.getId(),
                    before,
                    Map.of(
                            "mustChangePassword",
                            mustChange,
                            "failedAttempts",
                            0,
                            "locked",
                            false,
                            "passwordChanged",
                            true));
            return null;
        }));
        LOG.info("Password of {} reset by {} (must change: {})", existing.getLogin(), actorName(actor), mustChange);
    }

    @Override
    public void setLocale(long accountId, Locale locale) {
        Instant now = clock.instant();
        String tag = locale == null ? null : locale.toLanguageTag();
        retryOnConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            if (a == null) {
                throw new DomusException(Kind.NOT_FOUND, "account.not-found");
            }
            if (Objects.equals(a.getLocale(), tag)) {
                return null;
            }
            Map<String, Object> before = new HashMap<>();
            before.put("locale", a.getLocale());
            Map<String, Object> after = new HashMap<>();
            after.put("locale", tag);
            a.setLocale(tag);
            Audit.record(
                    em,
                    toSubject(a, grantsOf(em, accountId)),
                    now,
                    "account.locale.change",
                    ENTITY,
                    accountId,
                    before,
                    after);
            return null;
        }));
    }

    @Override
    public Account setRoles(long accountId, Set<Role> roles, Subject actor) {
        Set<Role> wanted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        Instant now = clock.instant();
        Account account = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            if (a == null) {
                throw new DomusException(Kind.NOT_FOUND, "account.not-found");
            }
            List<AccountRoleEntity> current = em.createNamedQuery(AccountRoleEntity.BY_ACCOUNT, AccountRoleEntity.class)
                    .setParameter("accountId", accountId)
                    .getResultList();
            Set<Role> before = current.stream()
                    .map(r -> Role.valueOf(r.getRole()))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            if (!before.equals(wanted)) {
                for (AccountRoleEntity r : current) {
                    if (!wanted.contains(Role.valueOf(r.getRole()))) {
                        em.remove(r);
                    }
                }
                for (Role role : wanted) {
                    if (!before.contains(role)) {
                        em.persist(new AccountRoleEntity(accountId, role.name()));
                    }
                }
                Audit.record(
                        em,
                        actor,
                        now,
                        "account.roles.change",
                        ENTITY,
                        accountId,
                        Map.of("roles", names(before)),
                        Map.of("roles", names(wanted)));
            }
            return toAccount(a, wanted, now);
        });
        LOG.info("Roles of {} set to {} by {}", account.login(), wanted, actorName(actor));
        return account;
    }

    @Override
    public Account setStatus(long accountId, AccountStatus status, Subject actor) {
        Objects.requireNonNull(status, "status");
        Instant now = clock.instant();
        Account account = retryOnConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            if (a == null) {
                throw new DomusException(Kind.NOT_FOUND, "account.not-found");
            }
            String before = a.getStatus();
            a.setStatus(status.name());
            if (status == AccountStatus.ACTIVE) {
                a.setFailedAttempts(0);
                a.setLockedUntil(null);
            } else {
                em.createNamedQuery(SessionEntity.DELETE_BY_ACCOUNT)
                        .setParameter("accountId", accountId)
                        .executeUpdate();
            }
            Audit.record(
                    em,
                    actor,
                    now,
                    "account.status.change",
                    ENTITY,
                    accountId,
                    Map.of("status", before),
                    Map.of("status", status.name()));
            return toAccount(a, rolesOf(em, accountId), now);
        }));
        LOG.info("Account {} set to {} by {}", account.login(), status, actorName(actor));
        return account;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Optional<AccountEntity> findEntity(String login) {
        return jpa.txExpr(TransactionType.Required, em -> byLogin(em, login));
    }

    private static Optional<AccountEntity> byLogin(EntityManager em, String login) {
        return em
                .createNamedQuery(AccountEntity.BY_LOGIN, AccountEntity.class)
                .setParameter("login", login)
                .getResultList()
                .stream()
                .findFirst();
    }

    static Set<Role> rolesOfAccount(EntityManager em, long accountId) {
        return rolesOf(em, accountId);
    }

    private static Set<Role> rolesOf(EntityManager em, long accountId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (AccountRoleEntity r : em.createNamedQuery(AccountRoleEntity.BY_ACCOUNT, AccountRoleEntity.class)
                .setParameter("accountId", accountId)
                .getResultList()) {
            roles.add(Role.valueOf(r.getRole()));
        }
        return roles;
    }

    private void recordEvent(Long accountId, String login, Instant now, ClientInfo from, String outcome) {
        jpa.tx(
                TransactionType.Required,
                em -> em.persist(new LoginEventEntity(
                        accountId,
                        Audit.truncate(login.isEmpty() ? "-" : login, 128),
                        now,
                        ip(from),
                        agent(from),
                        outcome)));
    }

    static String normaliseLogin(String login) {
        String key = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(key).matches()) {
            throw new DomusException(Kind.INVALID, "account.login.invalid");
        }
        return key;
    }

    private static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String e = email.strip();
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new DomusException(Kind.INVALID, "account.email.invalid");
        }
        return e;
    }

    private static Set<Role> nonEmpty(Set<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles;
    }

    static Account toAccount(AccountEntity a, Set<Role> roles, Instant now) {
        AccountStatus status = AccountStatus.valueOf(a.getStatus());
        if (status == AccountStatus.ACTIVE && a.getLockedUntil() != null && now.isBefore(a.getLockedUntil())) {
            status = AccountStatus.LOCKED;
        }
        return new Account(
                a.getId(),
                a.getLogin(),
                a.getDisplayName(),
                a.getEmail(),
                status,
                a.isMustChangePassword(),
                roles,
                locale(a.getLocale()),
                a.getCreatedAt(),
                a.getLastLoginAt());
    }

    static Subject toSubject(AccountEntity a, List<RoleGrant> grants) {
        return Subject.of(a.getId(), a.getLogin(), a.getDisplayName(), locale(a.getLocale()), Set.copyOf(grants));
    }

    /** The account's role grants with their scopes (rows without a scope hold everywhere). */
    private static List<RoleGrant> grantsOf(EntityManager em, long accountId) {
        List<RoleGrant> grants = new ArrayList<>();
        for (AccountRoleEntity r : em.createNamedQuery(AccountRoleEntity.BY_ACCOUNT, AccountRoleEntity.class)
                .setParameter("accountId", accountId)
                .getResultList()) {
            grants.add(grant(r));
        }
        return grants;
    }

    private static RoleGrant grant(AccountRoleEntity r) {
        return r.getScopeType() == null
                ? RoleGrant.everywhere(Role.valueOf(r.getRole()))
                : RoleGrant.scoped(Role.valueOf(r.getRole()), ScopeType.valueOf(r.getScopeType()), r.getScopeId());
    }

    private static List<String> describeGrants(java.util.Collection<RoleGrant> grants) {
        return grants.stream()
                .map(g -> g.role().name() + (g.isScoped() ? "@" + g.scopeType().name() + ":" + g.scopeId() : ""))
                .sorted()
                .toList();
    }

    @Override
    public List<RoleGrant> grants(long accountId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(AccountEntity.class, accountId) == null) {
                throw new DomusException(Kind.NOT_FOUND, "account.not-found");
            }
            return grantsOf(em, accountId);
        });
    }

    @Override
    public Account setGrants(long accountId, Set<RoleGrant> grants, Subject actor) {
        Set<RoleGrant> wanted = grants == null ? Set.of() : Set.copyOf(grants);
        Instant now = clock.instant();
        Account account = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            if (a == null) {
                throw new DomusException(Kind.NOT_FOUND, "account.not-found");
            }
            List<AccountRoleEntity> current = em.createNamedQuery(AccountRoleEntity.BY_ACCOUNT, AccountRoleEntity.class)
                    .setParameter("accountId", accountId)
                    .getResultList();
            Set<RoleGrant> before = new java.util.HashSet<>();
            current.forEach(r -> before.add(grant(r)));
            for (RoleGrant g : wanted) {
                if (!before.contains(g)) {
                    GrantRules.checkNew(g, x -> scopeExists(em, x));
                }
            }
            for (AccountRoleEntity r : current) {
                if (!wanted.contains(grant(r))) {
                    em.remove(r);
                }
            }
            em.flush();
            if (before.stream().anyMatch(g -> g.role() == Role.ADMIN)) {
                GrantRules.checkAdminRemains(adminGrants(em));
            }
            for (RoleGrant g : wanted) {
                if (!before.contains(g)) {
                    em.persist(new AccountRoleEntity(
                            accountId,
                            g.role().name(),
                            g.isScoped() ? g.scopeType().name() : null,
                            g.scopeId()));
                }
            }
            if (!before.equals(wanted)) {
                Audit.record(
                        em,
                        actor,
                        now,
                        "account.grants.change",
                        ENTITY,
                        accountId,
                        Map.of("grants", describeGrants(before)),
                        Map.of("grants", describeGrants(wanted)));
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            wanted.forEach(g -> roles.add(g.role()));
            return toAccount(a, roles, now);
        });
        LOG.info("Role grants of {} set to {} by {}", account.login(), describeGrants(wanted), actorName(actor));
        return account;
    }

    @Override
    public Account grant(long accountId, RoleGrant grant, Subject actor) {
        Instant now = clock.instant();
        Account account = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            if (a == null) {
                throw new DomusException(Kind.NOT_FOUND, "account.not-found");
            }
            GrantRules.checkNew(grant, g -> scopeExists(em, g));
            List<RoleGrant> before = grantsOf(em, accountId);
            if (!before.contains(grant)) {
                em.persist(new AccountRoleEntity(
                        accountId, grant.role().name(), grant.scopeType().name(), grant.scopeId()));
                List<RoleGrant> after = new ArrayList<>(before);
                after.add(grant);
                Audit.record(
                        em,
                        actor,
                        now,
                        "account.grant.add",
                        ENTITY,
                        accountId,
                        Map.of("grants", describeGrants(before)),
                        Map.of("grants", describeGrants(after)));
            }
            return toAccount(a, rolesOf(em, accountId), now);
        });
        LOG.info("{} granted {} to {}", actorName(actor), describeGrants(List.of(grant)), account.login());
        return account;
    }

    @Override
    public Account revoke(long accountId, RoleGrant grant, Subject actor) {
        Objects.requireNonNull(grant, "grant");
        Instant now = clock.instant();
        Account account = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            if (a == null) {
                throw new DomusException(Kind.NOT_FOUND, "account.not-found");
            }
            List<AccountRoleEntity> rows = em.createNamedQuery(AccountRoleEntity.BY_ACCOUNT, AccountRoleEntity.class)
                    .setParameter("accountId", accountId)
                    .getResultList();
            List<RoleGrant> before =
                    rows.stream().map(AccountServiceImpl::grant).toList();
            List<AccountRoleEntity> matching =
                    rows.stream().filter(r -> grant(r).equals(grant)).toList();
            if (matching.isEmpty()) {
                throw new DomusException(Kind.NOT_FOUND, "account.grant.not-found");
            }
            matching.forEach(em::remove);
            em.flush();
            if (grant.role() == Role.ADMIN) {
                GrantRules.checkAdminRemains(adminGrants(em));
            }
            List<RoleGrant> after =
                    before.stream().filter(g -> !g.equals(grant)).toList();
            Audit.record(
                    em,
                    actor,
                    now,
                    "account.grant.remove",
                    ENTITY,
                    accountId,
                    Map.of("grants", describeGrants(before)),
                    Map.of("grants", describeGrants(after)));
            return toAccount(a, rolesOf(em, accountId), now);
        });
        LOG.info("{} revoked {} from {}", actorName(actor), describeGrants(List.of(grant)), account.login());
        return account;
    }

    /** ADMIN grants of every account (after the pending changes of this transaction). */
    private static List<RoleGrant> adminGrants(EntityManager em) {
        return em
                .createNamedQuery(AccountRoleEntity.BY_ROLE, AccountRoleEntity.class)
                .setParameter("role", Role.ADMIN.name())
                .getResultList()
                .stream()
                .map(AccountServiceImpl::grant)
                .toList();
    }

    /** Whether the organisation, estate or building a scoped grant names exists. */
    private static boolean scopeExists(EntityManager em, RoleGrant grant) {
        long id = grant.scopeId();
        return switch (grant.scopeType()) {
            case ORGANISATION -> em.find(OrganisationEntity.class, id) != null;
            case ESTATE -> em.find(EstateEntity.class, id) != null;
            case BUILDING -> em.find(BuildingEntity.class, id) != null;
        };
    }

    private static Locale locale(String tag) {
        return tag == null ? null : Locale.forLanguageTag(tag);
    }

    private static Map<String, Object> describe(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("login", a.login());
        m.put("displayName", a.displayName());
        m.put("email", a.email());
        m.put("status", a.status().name());
        m.put("mustChangePassword", a.mustChangePassword());
        m.put("roles", names(a.roles()));
        m.put("locale", a.locale() == null ? null : a.locale().toLanguageTag());
        return m;
    }

    private static List<String> names(Set<Role> roles) {
        return new ArrayList<>(roles.stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static String actorName(Subject actor) {
        return actor == null ? Audit.SYSTEM : actor.login();
    }

    private static String ip(ClientInfo c) {
        return Audit.truncate(c.address(), 64);
    }

    private static String agent(ClientInfo c) {
        return Audit.truncate(c.userAgent(), 512);
    }

    private static String abbreviate(String login) {
        return login.length() > 64 ? login.substring(0, 64) + "..." : login;
    }

    /** Runs a read-modify-write again when a concurrent change of the same account won the race. */
    static <T> T retryOnConflict(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PersistenceException e) {
                if (attempt >= 3 || !isOptimisticLock(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t.getClass().getName().endsWith("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
