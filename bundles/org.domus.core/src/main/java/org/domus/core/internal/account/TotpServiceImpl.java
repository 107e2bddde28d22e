package org.domus.core.internal.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.TotpEnrolment;
import org.domus.core.account.TotpService;
import org.domus.core.account.TotpStatus;
import org.domus.core.internal.jpa.AccountEntity;
import org.domus.core.internal.jpa.RecoveryCodeEntity;
import org.domus.core.internal.jpa.TotpEntity;
import org.domus.core.qr.QrCodes;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** TOTP enrolment in CORE_ACCOUNT_TOTP and CORE_RECOVERY_CODE. */
@Component(service = TotpService.class, configurationPid = IdentityConfig.PID)
@Designate(ocd = IdentityConfig.class)
public class TotpServiceImpl implements TotpService {

    private static final Logger LOG = LoggerFactory.getLogger(TotpServiceImpl.class);
    private static final String ENTITY = "account";

    private final JpaTemplate jpa;
    private final Argon2PasswordHasher hasher;
    private final SecondFactor secondFactor;
    private final Clock clock;
    private final String issuer;

    @Activate
    public TotpServiceImpl(
            @Reference(target = AccountServiceImpl.UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = AccountServiceImpl.SCHEMA_TARGET) MigratedSchema schema,
            @Reference SecretKeyFile key,
            IdentityConfig config) {
        this(
                jpa,
                new Argon2PasswordHasher(),
                new SecondFactor(
                        key.box(),
                        Clock.systemUTC(),
                        new SecureRandom(),
                        SecondFactor.roles(config.totpRequiredRoles())),
                Clock.systemUTC(),
                config.totpIssuer());
    }

    TotpServiceImpl(
            JpaTemplate jpa, Argon2PasswordHasher hasher, SecondFactor secondFactor, Clock clock, String issuer) {
        this.jpa = Objects.requireNonNull(jpa);
        this.hasher = Objects.requireNonNull(hasher);
        this.secondFactor = Objects.requireNonNull(secondFactor);
        this.clock = Objects.requireNonNull(clock);
        this.issuer = issuer == null || issuer.isBlank() ? "Domus" : issuer.strip();
    }

    @Override
    public TotpStatus status(long accountId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = account(em, accountId);
            TotpEntity t = SecondFactor.enabled(em, accountId);
            return new TotpStatus(
                    t != null,
                    secondFactor.requiredFor(AccountServiceImplRoles.of(em, a.getId())),
                    t == null ? null : t.getEnabledAt(),
                    t == null ? 0 : (int) SecondFactor.unusedRecoveryCodes(em, accountId));
        });
    }

    @Override
    public boolean isRequired(Subject subject) {
        return subject != null && secondFactor.requiredFor(subject.roles());
    }

    @Override
    public TotpEnrolment beginEnrolment(Subject holder) {
        Objects.requireNonNull(holder, "holder");
        byte[] secret = secondFactor.newSecret();
        String sealed = secondFactor.box().seal(secret);
        String login = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = account(em, holder.accountId());
            TotpEntity t = em.find(TotpEntity.class, a.getId());
            if (t != null && t.isEnabled()) {
                throw new DomusException(Kind.CONFLICT, "totp.already-enabled");
            }
            if (t == null) {
                t = new TotpEntity(a.getId());
                em.persist(t);
            }
            t.setPendingSecretSealed(sealed);
            return a.getLogin();
        });
        String uri = Totp.otpauthUri(issuer, login, secret);
        return new TotpEnrolment(Base32.encode(secret), uri, QrCodes.pngDataUrl(uri, 240));
    }

    @Override
    public List<String> confirmEnrolment(Subject holder, String code) {
        Instant now = clock.instant();
        List<String> codes = AccountServiceImpl.retryOnConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = account(em, holder.accountId());
            TotpEntity t = em.find(TotpEntity.class, a.getId());
            if (t != null && t.isEnabled()) {
                throw new DomusException(Kind.CONFLICT, "totp.already-enabled");
            }
            if (t == null || t.getPendingSecretSealed() == null) {
                throw new DomusException(Kind.CONFLICT, "totp.not-started");
            }
            byte[] secret = secondFactor.box().open(t.getPendingSecretSealed());
            long step = Totp.matchingStep(secret, code == null ? "" : code.strip(), now.getEpochSecond(), -1);
            if (step < 0) {
                throw new DomusException(Kind.INVALID, "totp.code.invalid");
            }
            t.setSecretSealed(t.getPendingSecretSealed());
            t.setPendingSecretSealed(null);
            t.setEnabled(true);
            t.setEnabledAt(now);
            // The confirming code is used up like any other.
            t.setLastStep(step);
            List<String> fresh = secondFactor.newRecoveryCodes(em, a.getId(), RECOVERY_CODES);
            Audit.record(
                    em,
                    holder,
                    now,
                    "account.totp.enable",
                    ENTITY,
                    a.getId(),
                    Map.of("totp", false),
                    Map.of("totp", true, "recoveryCodes", RECOVERY_CODES));
            return fresh;
        }));
        LOG.info("Account {} switched TOTP on", holder.login());
        return codes;
    }

    @Override
    public void disable(Subject holder, char[] password, String code) {
        String hash = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = account(em, holder.accountId());
            if (SecondFactor.enabled(em, a.getId()) == null) {
                throw new DomusException(Kind.CONFLICT, "totp.not-enabled");
            }
            if (secondFactor.requiredFor(AccountServiceImplRoles.of(em, a.getId()))) {
                throw new DomusException(Kind.CONFLICT, "totp.required");
            }
            return a.getPasswordHash();
        });
        boolean passwordOk = hasher.verify(password == null ? new char[0] : password, hash);
        Instant now = clock.instant();
        AccountServiceImpl.retryOnConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            TotpEntity t = SecondFactor.enabled(em, holder.accountId());
            // Both are checked even when the password is wrong, so the answer does not tell which was.
            boolean codeOk = t != null
                    && (secondFactor.acceptTotp(t, code) || secondFactor.useRecoveryCode(em, holder.accountId(), code));
            if (!passwordOk || !codeOk) {
                throw new DomusException(Kind.INVALID, "totp.disable.refused");
            }
            remove(em, t);
            Audit.record(
                    em,
                    holder,
                    now,
                    "account.totp.disable",
                    ENTITY,
                    holder.accountId(),
                    Map.of("totp", true),
                    Map.of("totp", false));
            return null;
        }));
        LOG.info("Account {} switched TOTP off", holder.login());
    }

    @Override
    public List<String> regenerateRecoveryCodes(Subject holder, String code) {
        Instant now = clock.instant();
        return AccountServiceImpl.retryOnConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            TotpEntity t = SecondFactor.enabled(em, holder.accountId());
            if (t == null) {
                throw new DomusException(Kind.CONFLICT, "totp.not-enabled");
            }
            if (!secondFactor.acceptTotp(t, code)) {
                throw new DomusException(Kind.INVALID, "totp.code.invalid");
            }
            List<String> fresh = secondFactor.newRecoveryCodes(em, holder.accountId(), RECOVERY_CODES);
            Audit.record(
                    em,
                    holder,
                    now,
                    "account.totp.recovery-codes.regenerate",
                    ENTITY,
                    holder.accountId(),
                    null,
                    Map.of("recoveryCodes", RECOVERY_CODES));
            return fresh;
        }));
    }

    @Override
    public void reset(long accountId, Subject actor) {
        Instant now = clock.instant();
        AccountServiceImpl.retryOnConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            account(em, accountId);
            TotpEntity t = em.find(TotpEntity.class, accountId);
            boolean before = t != null && t.isEnabled();
            if (t != null) {
                remove(em, t);
            }
            Audit.record(
                    em,
                    actor,
                    now,
                    "account.totp.reset",
                    ENTITY,
                    accountId,
                    Map.of("totp", before),
                    Map.of("totp", false));
            return null;
        }));
        LOG.info("TOTP of account {} reset by {}", accountId, actor == null ? Audit.SYSTEM : actor.login());
    }

    private static void remove(EntityManager em, TotpEntity t) {
        em.createNamedQuery(RecoveryCodeEntity.DELETE_BY_ACCOUNT)
                .setParameter("accountId", t.getAccountId())
                .executeUpdate();
        em.remove(t);
    }

    private static AccountEntity account(EntityManager em, long accountId) {
        AccountEntity a = em.find(AccountEntity.class, accountId);
        if (a == null) {
            throw new DomusException(Kind.NOT_FOUND, "account.not-found");
        }
        return a;
    }

    /** Roles of an account, read in the caller's transaction. */
    static final class AccountServiceImplRoles {
        private AccountServiceImplRoles() {}

        static java.util.Set<Role> of(EntityManager em, long accountId) {
            return AccountServiceImpl.rolesOfAccount(em, accountId);
        }
    }
}
