package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.audit.AuditTrail;
import org.domus.core.registry.Holding;
import org.domus.core.registry.PaymentIdentifiers;
import org.domus.ledger.TurnoverMonth;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.internal.statement.Texts;
import org.domus.ledger.payment.CalendarFeedService;
import org.domus.ledger.payment.PaymentCalendar;
import org.domus.ledger.payment.PaymentCalendarFeed;
import org.domus.ledger.payment.PaymentDue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Secret calendar feed URLs: a resident subscribes their calendar app to their units' payment due dates
 * without logging in. The secret is 256 random bits shown once; the database keeps its SHA-256 only, one
 * per account. Issuing again rotates it (the old URL stops working), revoking removes it; both leave an
 * audit event. A feed is read as its account: with the account's current units and access rights of the
 * moment, so a disabled account or a sold flat stops showing at once.
 */
@Component(service = {CalendarFeeds.class, CalendarFeedService.class})
public class CalendarFeeds implements CalendarFeedService {

    /** Months of charges a feed shows, ending with the current month. */
    static final int MONTHS = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LedgerServiceImpl ledger;
    private final JpaTemplate jpa;
    private final PaymentCalendar calendar;

    @Activate
    public CalendarFeeds(@Reference LedgerServiceImpl ledger, @Reference PaymentCalendar calendar) {
        this.ledger = Objects.requireNonNull(ledger);
        this.jpa = ledger.jpa();
        this.calendar = Objects.requireNonNull(calendar);
    }

    /** A new secret for the subject's feed, replacing any earlier one; the only time the secret is seen. */
    @Override
    public String issue(Subject me) {
        requireAccount(me);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = ledger.now();
        jpa.tx(TransactionType.Required, em -> {
            try (PreparedStatement update = Books.connection(em)
                    .prepareStatement(
                            "UPDATE LEDGER_CALENDAR_FEED SET TOKEN_HASH = ?, CREATED_AT = ? WHERE ACCOUNT_ID = ?")) {
                update.setString(1, hash(secret));
                update.setTimestamp(2, Books.timestamp(now));
                update.setLong(3, me.accountId());
                boolean rotated = update.executeUpdate() > 0;
                if (!rotated) {
                    try (PreparedStatement insert = Books.connection(em)
                            .prepareStatement("INSERT INTO LEDGER_CALENDAR_FEED (ACCOUNT_ID, TOKEN_HASH, CREATED_AT)"
                                    + " VALUES (?, ?, ?)")) {
                        insert.setLong(1, me.accountId());
                        insert.setString(2, hash(secret));
                        insert.setTimestamp(3, Books.timestamp(now));
                        insert.executeUpdate();
                    }
                }
                AuditTrail.record(
                        em,
                        me,
                        now,
                        rotated ? "ledger.calendar-feed.rotate" : "ledger.calendar-feed.create",
                        "ledger-calendar-feed",
                        me.accountId(),
                        rotated ? Map.of("feed", "active") : null,
                        Map.of("feed", "active", "createdAt", now.toString()));
            } catch (SQLException e) {
                throw Books.failure(e);
            }
        });
        return secret;
    }

    /** Revokes the subject's feed; false when there was none. */
    @Override
    public boolean revoke(Subject me) {
        requireAccount(me);
        return jpa.txExpr(TransactionType.Required, em -> {
            try (PreparedStatement ps =
                    Books.connection(em).prepareStatement("DELETE FROM LEDGER_CALENDAR_FEED WHERE ACCOUNT_ID = ?")) {
                ps.setLong(1, me.accountId());
                boolean removed = ps.executeUpdate() > 0;
                if (removed) {
                    AuditTrail.record(
                            em,
                            me,
                            ledger.now(),
                            "ledger.calendar-feed.revoke",
                            "ledger-calendar-feed",
                            me.accountId(),
                            Map.of("feed", "active"),
                            null);
                }
                return removed;
            } catch (SQLException e) {
                throw Books.failure(e);
            }
        });
    }

    /** Whether the subject has a feed, and since when. */
    @Override
    public Optional<Instant> issuedAt(Subject me) {
        return jpa.txExpr(TransactionType.Required, em -> {
            try (PreparedStatement ps = Books.connection(em)
                    .prepareStatement("SELECT CREATED_AT FROM LEDGER_CALENDAR_FEED WHERE ACCOUNT_ID = ?")) {
                ps.setLong(1, me.accountId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Books.instant(rs.getTimestamp(1))) : Optional.<Instant>empty();
                }
            } catch (SQLException e) {
                throw Books.failure(e);
            }
        });
    }

    /** The account whose feed the secret opens, if any. */
    public Optional<Long> accountOf(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            try (PreparedStatement ps = Books.connection(em)
                    .prepareStatement("SELECT ACCOUNT_ID FROM LEDGER_CALENDAR_FEED WHERE TOKEN_HASH = ?")) {
                ps.setString(1, hash(secret));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            } catch (SQLException e) {
                throw Books.failure(e);
            }
        });
    }

    /**
     * The iCalendar of the subject's current units: one due date per month with charges in the last
     * {@link #MONTHS} months, due on the month's last day, for the month's charges.
     */
    public String render(Subject owner, String uidDomain) {
        String language = owner.locale() == null ? "en" : owner.locale().getLanguage();
        Texts texts = Texts.of(language);
        YearMonth now = YearMonth.now(ledger.clock());
        List<PaymentDue> dues = new ArrayList<>();
        for (Holding h : ledger.access().registry().myUnits(owner)) {
            TurnoverSheet sheet = ledger.turnover(owner, h.unit().id(), now.minusMonths(MONTHS - 1L), now);
            String label = texts.get(
                    "ledger.statement.unit.label",
                    h.building().street() + " " + h.building().number(),
                    h.unit().number());
            String account = PaymentIdentifiers.isValidNrb(h.unit().virtualAccount())
                    ? PaymentIdentifiers.compact(h.unit().virtualAccount())
                    : null;
            for (TurnoverMonth m : sheet.months()) {
                if (m.charges().compareTo(BigDecimal.ZERO) > 0) {
                    dues.add(new PaymentDue(
                            h.unit().id(),
                            label,
                            m.month(),
                            PaymentDue.dueDateOf(m.month()),
                            m.charges(),
                            sheet.currency(),
                            account,
                            h.unit().variableSymbol()));
                }
            }
        }
        return calendar.render(new PaymentCalendarFeed(language, null, uidDomain, dues));
    }

    private static void requireAccount(Subject me) {
        if (me.accountId() <= 0) {
            throw new DomusException(Kind.FORBIDDEN, "error.forbidden", "calendar-feed");
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
