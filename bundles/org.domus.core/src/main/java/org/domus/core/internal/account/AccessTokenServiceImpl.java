package org.domus.core.internal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.account.AccessToken;
import org.domus.core.account.AccessTokenService;
import org.domus.core.account.AccountService;
import org.domus.core.internal.jpa.AccessTokenEntity;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Personal access tokens in CORE_ACCESS_TOKEN. The secret ({@code domus_pat_} + 43 base64url
 * characters) is shown once; only its SHA-256 and its first 12 characters are stored. "Last used" is
 * written at most once a minute.
 */
@Component(service = AccessTokenService.class)
public class AccessTokenServiceImpl implements AccessTokenService {

    static final int MAX_NAME = 100;
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenServiceImpl.class);

    private final JpaTemplate jpa;
    private final AccountService accounts;
    private final Clock clock;
    private final Tokens tokens;

    @Activate
    public AccessTokenServiceImpl(
            @Reference(target = AccountServiceImpl.UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = AccountServiceImpl.SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccountService accounts) {
        this(jpa, accounts, Clock.systemUTC(), new Tokens());
    }

    public AccessTokenServiceImpl(JpaTemplate jpa, AccountService accounts, Clock clock, Tokens tokens) {
        this.jpa = Objects.requireNonNull(jpa);
        this.accounts = Objects.requireNonNull(accounts);
        this.clock = Objects.requireNonNull(clock);
        this.tokens = Objects.requireNonNull(tokens);
    }

    @Override
    public AccessToken.Issued create(Subject owner, String name, Instant expiresAt) {
        Objects.requireNonNull(owner, "owner");
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new DomusException(Kind.INVALID, "token.name.invalid", MAX_NAME);
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new DomusException(Kind.INVALID, "token.expiry.past");
        }
        String secret = tokens.accessTokenSecret();
        AccessToken token = jpa.txExpr(TransactionType.Required, em -> {
            AccessTokenEntity t = new AccessTokenEntity(
                    owner.accountId(), label, Tokens.prefixOf(secret), Tokens.sha256Hex(secret), now, expiresAt);
            em.persist(t);
            em.flush();
            Audit.record(
                    em,
                    owner,
                    now,
                    "token.create",
                    "access-token",
                    t.getId(),
                    null,
                    Map.of("name", label, "prefix", t.getPrefix(), "expiresAt", String.valueOf(expiresAt)));
            return toToken(t);
        });
        LOG.info("Access token {} ({}) created for {}", token.id(), token.prefix(), owner.login());
        return new AccessToken.Issued(token, secret);
    }

    @Override
    public List<AccessToken> list(Subject owner) {
        Objects.requireNonNull(owner, "owner");
        return jpa.txExpr(TransactionType.Required, em -> em
                .createNamedQuery(AccessTokenEntity.BY_ACCOUNT, AccessTokenEntity.class)
                .setParameter("accountId", owner.accountId())
                .getResultList()
                .stream()
                .map(AccessTokenServiceImpl::toToken)
                .toList());
    }

    @Override
    public void revoke(Subject owner, long tokenId) {
        Objects.requireNonNull(owner, "owner");
        Instant now = clock.instant();
        jpa.tx(TransactionType.Required, em -> {
            AccessTokenEntity t = em.find(AccessTokenEntity.class, tokenId);
            if (t == null || t.getAccountId() != owner.accountId()) {
                throw new DomusException(Kind.NOT_FOUND, "token.not-found");
            }
            if (!t.isRevoked()) {
                t.revoke(now);
                Audit.record(
                        em,
                        owner,
                        now,
                        "token.revoke",
                        "access-token",
                        tokenId,
                        Map.of("revoked", false),
                        Map.of("revoked", true));
            }
        });
    }

    @Override
    public Optional<Subject> resolve(String secret) {
        if (!Tokens.looksLikeAccessToken(secret)) {
            return Optional.empty();
        }
        String hash = Tokens.sha256Hex(secret);
        Instant now = clock.instant();
        return jpa.txExpr(TransactionType.Required, em -> {
            Optional<AccessTokenEntity> found = em
                    .createNamedQuery(AccessTokenEntity.BY_HASH, AccessTokenEntity.class)
                    .setParameter("hash", hash)
                    .getResultList()
                    .stream()
                    .findFirst();
            if (found.isEmpty()) {
                return Optional.<Subject>empty();
            }
            AccessTokenEntity t = found.get();
            if (t.isRevoked() || (t.getExpiresAt() != null && !now.isBefore(t.getExpiresAt()))) {
                return Optional.<Subject>empty();
            }
            Optional<Subject> subject = accounts.subjectOf(t.getAccountId());
            if (subject.isPresent()
                    && (t.getLastUsedAt() == null
                            || Duration.between(t.getLastUsedAt(), now).compareTo(TOUCH_INTERVAL) >= 0)) {
                t.setLastUsedAt(now);
            }
            return subject;
        });
    }

    private static AccessToken toToken(AccessTokenEntity t) {
        return new AccessToken(
                t.getId(),
                t.getName(),
                t.getPrefix(),
                t.getCreatedAt(),
                t.getExpiresAt(),
                t.getLastUsedAt(),
                t.isRevoked());
    }
}
