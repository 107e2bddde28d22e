package org.domus.core.internal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.consent.ConsentEvent;
import org.domus.core.consent.ConsentKind;
import org.domus.core.consent.ConsentService;
import org.domus.core.internal.jpa.AccountEntity;
import org.domus.core.internal.jpa.ConsentEventEntity;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Consents as an append-only list in CORE_CONSENT_EVENT; the newest entry per key is the state. */
@Component(service = ConsentService.class, configurationPid = IdentityConfig.PID)
public class ConsentServiceImpl implements ConsentService {

    private static final String ENTITY = "consent";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final String termsVersion;

    @Activate
    public ConsentServiceImpl(
            @Reference(target = AccountServiceImpl.UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = AccountServiceImpl.SCHEMA_TARGET) MigratedSchema schema,
            IdentityConfig config) {
        this(jpa, Clock.systemUTC(), config.termsVersion());
    }

    ConsentServiceImpl(JpaTemplate jpa, Clock clock, String termsVersion) {
        this.jpa = Objects.requireNonNull(jpa);
        this.clock = Objects.requireNonNull(clock);
        this.termsVersion = termsVersion == null || termsVersion.isBlank() ? "1" : termsVersion.strip();
    }

    @Override
    public String currentTermsVersion() {
        return termsVersion;
    }

    @Override
    public boolean hasAcceptedCurrentTerms(long accountId) {
        return history(accountId).stream()
                .filter(e -> TERMS.equals(e.key()))
                .findFirst()
                .map(e -> e.granted() && termsVersion.equals(e.termsVersion()))
                .orElse(false);
    }

    @Override
    public void acceptTerms(Subject holder, String version) {
        if (!termsVersion.equals(version)) {
            throw new DomusException(Kind.CONFLICT, "consent.terms.outdated");
        }
        Instant now = clock.instant();
        jpa.tx(TransactionType.Required, em -> {
            account(em, holder.accountId());
            em.persist(new ConsentEventEntity(holder.accountId(), TERMS, true, termsVersion, now));
            Audit.record(
                    em,
                    holder,
                    now,
                    "consent.terms.accept",
                    ENTITY,
                    holder.accountId(),
                    null,
                    Map.of("termsVersion", termsVersion));
        });
    }

    @Override
    public Map<ConsentKind, Boolean> current(long accountId) {
        Map<ConsentKind, Boolean> state = new EnumMap<>(ConsentKind.class);
        for (ConsentKind k : ConsentKind.values()) {
            state.put(k, false);
        }
        List<ConsentEvent> newestFirst = history(accountId);
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            ConsentEvent e = newestFirst.get(i);
            if (!TERMS.equals(e.key())) {
                state.put(ConsentKind.valueOf(e.key()), e.granted());
            }
        }
        return state;
    }

    @Override
    public void set(Subject holder, ConsentKind kind, boolean granted) {
        Objects.requireNonNull(kind, "kind");
        if (current(holder.accountId()).get(kind) == granted) {
            return;
        }
        Instant now = clock.instant();
        jpa.tx(TransactionType.Required, em -> {
            account(em, holder.accountId());
            em.persist(new ConsentEventEntity(holder.accountId(), kind.name(), granted, null, now));
            Audit.record(
                    em,
                    holder,
                    now,
                    granted ? "consent.grant" : "consent.revoke",
                    ENTITY,
                    holder.accountId(),
                    Map.of(kind.name(), !granted),
                    Map.of(kind.name(), granted));
        });
    }

    @Override
    public List<ConsentEvent> history(long accountId) {
        return jpa.txExpr(TransactionType.Required, em -> em
                .createNamedQuery(ConsentEventEntity.BY_ACCOUNT, ConsentEventEntity.class)
                .setParameter("accountId", accountId)
                .getResultList()
                .stream()
                .map(e -> new ConsentEvent(e.getConsentKey(), e.isGranted(), e.getDocumentVersion(), e.getOccurredAt()))
                .toList());
    }

    private static void account(EntityManager em, long accountId) {
        if (em.find(AccountEntity.class, accountId) == null) {
            throw new DomusException(Kind.NOT_FOUND, "account.not-found");
        }
    }
}
