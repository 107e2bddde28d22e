package org.domus.core.internal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.Subject;
import org.domus.core.account.AccountService;
import org.domus.core.account.ClientInfo;
import org.domus.core.account.SessionService;
import org.domus.core.internal.jpa.SessionEntity;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in CORE_SESSION, shared by every node. A session ends after {@code idleTimeoutMinutes}
 * without use (PID {@value #PID}); its expiry moves forward on use, written at most once a minute so
 * that every request does not cost a database write. Expired rows are purged on open and every ten
 * minutes (idempotent, so it does not matter that every node does it).
 */
@Component(service = SessionService.class, configurationPid = SessionServiceImpl.PID)
@Designate(ocd = SessionServiceImpl.Config.class)
public class SessionServiceImpl implements SessionService {

    public static final String PID = "org.domus.core.session";
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    @ObjectClassDefinition(name = "Domus sessions", description = "Server-side sessions of the web UI and REST API")
    public @interface Config {
        @AttributeDefinition(name = "Idle timeout (minutes)", min = "1")
        int idleTimeoutMinutes() default 30;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionServiceImpl.class);

    private final JpaTemplate jpa;
    private final AccountService accounts;
    private final Clock clock;
    private final Tokens tokens;
    private volatile Duration idleTimeout;
    private final ScheduledExecutorService purger;

    @Activate
    public SessionServiceImpl(
            @Reference(target = AccountServiceImpl.UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = AccountServiceImpl.SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccountService accounts,
            Config config) {
        this(jpa, accounts, Clock.systemUTC(), new Tokens(), timeoutOf(config));
        purger.scheduleWithFixedDelay(this::purgeQuietly, 10, 10, TimeUnit.MINUTES);
    }

    public SessionServiceImpl(
            JpaTemplate jpa, AccountService accounts, Clock clock, Tokens tokens, Duration idleTimeout) {
        this.jpa = Objects.requireNonNull(jpa);
        this.accounts = Objects.requireNonNull(accounts);
        this.clock = Objects.requireNonNull(clock);
        this.tokens = Objects.requireNonNull(tokens);
        this.idleTimeout = Objects.requireNonNull(idleTimeout);
        this.purger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "domus-session-purge");
            t.setDaemon(true);
            return t;
        });
    }

    @Modified
    void modified(Config config) {
        idleTimeout = timeoutOf(config);
        LOG.info("Session idle timeout is now {} min", idleTimeout.toMinutes());
    }

    @Deactivate
    void deactivate() {
        purger.shutdownNow();
    }

    private static Duration timeoutOf(Config config) {
        return Duration.ofMinutes(Math.max(1, config.idleTimeoutMinutes()));
    }

    @Override
    public String open(Subject subject, ClientInfo client) {
        Objects.requireNonNull(subject, "subject");
        ClientInfo from = client == null ? new ClientInfo(null, null) : client;
        String token = tokens.sessionToken();
        Instant now = clock.instant();
        jpa.tx(TransactionType.Required, em -> {
            em.createNamedQuery(SessionEntity.DELETE_EXPIRED)
                    .setParameter("now", now)
                    .executeUpdate();
            em.persist(new SessionEntity(
                    Tokens.sha256Hex(token),
                    subject.accountId(),
                    now,
                    now.plus(idleTimeout),
                    Audit.truncate(from.address(), 64),
                    Audit.truncate(from.userAgent(), 512)));
        });
        return token;
    }

    @Override
    public Optional<Subject> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        String hash = Tokens.sha256Hex(token);
        Instant now = clock.instant();
        return jpa.txExpr(TransactionType.Required, em -> {
            Optional<SessionEntity> found = em
                    .createNamedQuery(SessionEntity.BY_HASH, SessionEntity.class)
                    .setParameter("hash", hash)
                    .getResultList()
                    .stream()
                    .findFirst();
            if (found.isEmpty()) {
                return Optional.<Subject>empty();
            }
            SessionEntity s = found.get();
            if (!now.isBefore(s.getExpiresAt())) {
                em.remove(s);
                return Optional.<Subject>empty();
            }
            Optional<Subject> subject = accounts.subjectOf(s.getAccountId());
            if (subject.isEmpty()) {
                em.remove(s); // account disabled or gone
                return subject;
            }
            if (Duration.between(s.getLastSeenAt(), now).compareTo(TOUCH_INTERVAL) >= 0
                    || s.getExpiresAt().isBefore(now.plus(idleTimeout).minus(TOUCH_INTERVAL))) {
                s.setLastSeenAt(now);
                s.setExpiresAt(now.plus(idleTimeout));
            }
            return subject;
        });
    }

    @Override
    public void close(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        String hash = Tokens.sha256Hex(token);
        jpa.tx(TransactionType.Required, em -> em.createNamedQuery(SessionEntity.BY_HASH, SessionEntity.class)
                .setParameter("hash", hash)
                .getResultList()
                .forEach(em::remove));
    }

    @Override
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Deletes every expired session; returns how many. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(SessionEntity.DELETE_EXPIRED)
                .setParameter("now", now)
                .executeUpdate());
    }

    private void purgeQuietly() {
        try {
            int purged = purgeExpired();
            if (purged > 0) {
                LOG.debug("Purged {} expired session(s)", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging expired sessions failed: {}", e.getMessage(), e);
        }
    }
}
