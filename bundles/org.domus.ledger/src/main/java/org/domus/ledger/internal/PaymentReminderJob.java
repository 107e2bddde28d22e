package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.RegistryLocation;
import org.domus.core.registry.Building;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.ledger.LedgerAccount;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerEvents;
import org.domus.ledger.OpenCharge;
import org.domus.ledger.OpenItems;
import org.domus.ledger.internal.statement.Texts;
import org.domus.ledger.payment.PaymentDue;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrCodes;
import org.domus.ledger.payment.PaymentReminders.ReminderRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payment reminders from the units' open items: a month's charges are due on the month's last day ({@link
 * PaymentDue#dueDateOf}); what of them is still open is reminded {@code daysBeforeDue} days before that day
 * ({@link LedgerEvents#PAYMENT_DUE}) and again at each of the {@code overdueDays} after it ({@link
 * LedgerEvents#PAYMENT_OVERDUE}, quoting the unit's whole overdue balance).
 *
 * <p>Each unit is decided in its own transaction, under the row lock of its receivable account: the open items
 * are read, the reminders due today are worked out, and those whose key is not in LEDGER_REMINDER yet are
 * inserted there; the events are posted only after that has committed. So a second run, or a second node
 * running at the same moment, finds the keys and posts nothing again.
 *
 * <p>Catching up after days without a run never floods a resident: a stage is posted only while it is current
 * - a due reminder while the due date is still ahead, an overdue stage until the next stage's day (at most
 * {@value #CATCH_UP_DAYS} days) - and a unit gets at most one overdue reminder per run (the latest due date's
 * stage; the others reached together with it are recorded as not posted).
 */
final class PaymentReminderJob {

    static final String JOB = "payment-reminders";
    /** Who the reminders are posted as (the events' {@code actor}, the job's audit events). */
    static final Subject REMINDERS = Subject.system("payment-reminders", "Payment reminders");
    /** Days an overdue stage is still caught up after its day when no later stage comes sooner. */
    static final int CATCH_UP_DAYS = 7;

    private static final Duration LEASE = Duration.ofHours(1);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReminderJob.class);

    /**
     * @param enabled whether reminders are posted at all
     * @param daysBeforeDue days before the due date of the due reminder, 1 to 60
     * @param overdueDays days after the due date of the overdue reminders, ascending, each 1 to 366; may be
     *     empty (no overdue reminders)
     */
    record Settings(boolean enabled, int daysBeforeDue, List<Integer> overdueDays) {
        Settings {
            if (daysBeforeDue < 1 || daysBeforeDue > 60) {
                throw new IllegalArgumentException("reminders.daysBeforeDue must be 1..60, not " + daysBeforeDue);
            }
            overdueDays = List.copyOf(new TreeSet<>(overdueDays));
            for (int d : overdueDays) {
                if (d < 1 || d > 366) {
                    throw new IllegalArgumentException("reminders.overdueDays must be 1..366 each, not " + d);
                }
            }
        }

        /**
         * Settings from configuration; {@code overdueDays} is a comma-separated list such as {@code 5, 20}
         * (empty for none).
         *
         * @throws IllegalArgumentException naming the value that is refused
         */
        static Settings parse(boolean enabled, int daysBeforeDue, String overdueDays) {
            List<Integer> days = new ArrayList<>();
            if (overdueDays != null && !overdueDays.isBlank()) {
                for (String entry : overdueDays.split(",")) {
                    try {
                        days.add(Integer.parseInt(entry.strip()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("reminders.overdueDays entry '" + entry.strip()
                                + "' is not a number of days (expected e.g. 5, 20)");
                    }
                }
            }
            return new Settings(enabled, daysBeforeDue, days);
        }
    }

    enum Outcome {
        DISABLED,
        /** The job has run today already, on this node or another. */
        NOT_DUE,
        /** Another node holds the claim, or completed the day between our read and our claim. */
        CLAIMED_ELSEWHERE,
        RAN,
        FAILED
    }

    /** One reminder of a unit decided for a day. */
    record Reminder(
            String key, String topic, YearMonth month, LocalDate dueDate, Integer daysOverdue, BigDecimal amount) {}

    private final JpaTemplate jpa;
    private final LedgerServiceImpl ledger;
    private final PaymentServiceImpl payments;
    private final RegistryService registry;
    private final PaymentQrCodes qrCodes;
    private final JobLock lock;
    private final Clock clock;

    /** @param clock today's date for the scheduled check, in the organisations' zone */
    PaymentReminderJob(LedgerServiceImpl ledger, PaymentQrCodes qrCodes, JobLock lock, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger);
        this.jpa = ledger.jpa();
        this.payments = PaymentServiceImpl.create(ledger);
        this.registry = ledger.access().registry();
        this.qrCodes = Objects.requireNonNull(qrCodes);
        this.lock = Objects.requireNonNull(lock);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A day as the job's period: yyyyMMdd. */
    static int period(LocalDate day) {
        return Integer.parseInt(day.format(DAY));
    }

    /** One scheduled check: runs the day's reminders once across nodes. */
    Outcome check(Settings settings) {
        if (!settings.enabled()) {
            return Outcome.DISABLED;
        }
        LocalDate today = LocalDate.now(clock);
        int period = period(today);
        OptionalInt done = lock.donePeriod(JOB);
        if (done.isPresent() && done.getAsInt() >= period) {
            return Outcome.NOT_DUE;
        }
        if (!lock.claim(JOB, period, LEASE)) {
            LOG.debug("Payment reminders of {}: claimed by another node or done", today);
            return Outcome.CLAIMED_ELSEWHERE;
        }
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("day", today.toString());
        audit.put("node", lock.node());
        ReminderRun run;
        try {
            run = run(today, settings);
        } catch (RuntimeException e) {
            audit.put("error", e.toString());
            LOG.error("Payment reminders of {} failed; the next check retries", today, e);
            lock.release(JOB, "failed: " + e, REMINDERS, audit);
            return Outcome.FAILED;
        }
        String summary = summary(run);
        audit.put("outcome", summary);
        lock.complete(JOB, period, summary, REMINDERS, audit);
        return Outcome.RAN;
    }

    static String summary(ReminderRun run) {
        return run.units() + " units, " + run.due() + " due, " + run.overdue() + " overdue, " + run.alreadySent()
                + " already sent";
    }

    /** Decides, records and posts the reminders of the day. */
    ReminderRun run(LocalDate today, Settings settings) {
        Objects.requireNonNull(today, "today");
        if (!settings.enabled()) {
            return new ReminderRun(today, false, 0, 0, 0, 0);
        }
        int units = 0;
        int due = 0;
        int overdue = 0;
        int already = 0;
        for (Organisation organisation : registry.organisations(REMINDERS)) {
            Optional<String> currency =
                    jpa.txExpr(TransactionType.Required, em -> Books.bookCurrency(em, organisation.id()));
            if (currency.isEmpty()) {
                continue;
            }
            List<LedgerAccount> owing = jpa.txExpr(
                    TransactionType.Required,
                    em -> Books.unitAccounts(em, organisation.id(), currency.get()).values().stream()
                            .filter(a -> a.balance().signum() > 0)
                            .sorted(Comparator.comparing(LedgerAccount::unitId))
                            .toList());
            Map<Long, Building> buildings = new HashMap<>();
            for (LedgerAccount account : owing) {
                Optional<RegistryLocation> location = ledger.access().policy().locate(null, account.unitId());
                if (location.isEmpty()) {
                    continue; // the unit left the registry; its account stays in the books
                }
                units++;
                Decided decided = decide(account, location.get(), today, settings);
                already += decided.alreadySent();
                if (decided.posted().isEmpty()) {
                    continue;
                }
                Unit unit = registry.unit(REMINDERS, account.unitId());
                Building building =
                        buildings.computeIfAbsent(unit.buildingId(), id -> registry.building(REMINDERS, id));
                for (Reminder r : decided.posted()) {
                    ledger.events()
                            .send(
                                    r.topic(),
                                    organisation.id(),
                                    REMINDERS,
                                    properties(organisation, building, unit, decided.currency(), r));
                    if (r.daysOverdue() == null) {
                        due++;
                    } else {
                        overdue++;
                    }
                }
            }
        }
        ReminderRun run = new ReminderRun(today, true, units, due, overdue, already);
        LOG.info("Payment reminders of {} on {}: {}", today, lock.node(), summary(run));
        return run;
    }

    private record Decided(String currency, List<Reminder> posted, int alreadySent) {}

    /** One unit's reminders, decided and recorded in one transaction under the account's lock. */
    private Decided decide(LedgerAccount account, RegistryLocation location, LocalDate today, Settings settings) {
        // Most owing units need nothing today: find that out without taking the account's lock.
        boolean anything = jpa.txExpr(
                TransactionType.Required, em -> !reminders(payments.openItemsIn(em, location), today, settings)
                        .isEmpty());
        if (!anything) {
            return new Decided(null, List.of(), 0);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            Books.lockAccount(em, account.id());
            OpenItems items = payments.openItemsIn(em, location);
            List<Reminder> candidates = reminders(items, today, settings);
            if (candidates.isEmpty()) {
                return new Decided(items.currency(), List.of(), 0);
            }
            Connection c = Books.connection(em);
            try {
                Set<String> recorded = recorded(c, candidates);
                List<Reminder> fresh = candidates.stream()
                        .filter(r -> !recorded.contains(r.key()))
                        .toList();
                List<Reminder> posted = new ArrayList<>();
                Reminder overdue = fresh.stream()
                        .filter(r -> r.daysOverdue() != null)
                        .max(Comparator.comparing(Reminder::dueDate).thenComparing(Reminder::daysOverdue))
                        .orElse(null);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO LEDGER_REMINDER (REMINDER_KEY,"
                        + " ORGANISATION_ID, UNIT_ID, STAGE, DUE_DATE, DAYS_OVERDUE, AMOUNT, CURRENCY, POSTED,"
                        + " RUN_DATE, CREATED_AT, NODE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Reminder r : fresh) {
                        boolean post = r.daysOverdue() == null || r == overdue;
                        insert.setString(1, r.key());
                        insert.setLong(2, location.organisationId());
                        insert.setLong(3, account.unitId());
                        insert.setString(4, r.daysOverdue() == null ? "DUE" : "OVERDUE");
                        insert.setDate(5, Date.valueOf(r.dueDate()));
                        if (r.daysOverdue() == null) {
                            insert.setNull(6, java.sql.Types.INTEGER);
                        } else {
                            insert.setInt(6, r.daysOverdue());
                        }
                        insert.setBigDecimal(7, r.amount());
                        insert.setString(8, items.currency());
                        insert.setBoolean(9, post);
                        insert.setDate(10, Date.valueOf(today));
                        insert.setTimestamp(11, Books.timestamp(ledger.now()));
                        insert.setString(12, Books.truncate(lock.node(), 128));
                        insert.executeUpdate();
                        if (post) {
                            posted.add(r);
                        }
                    }
                }
                return new Decided(items.currency(), posted, candidates.size() - fresh.size());
            } catch (SQLException e) {
                throw Books.failure(e);
            }
        });
    }

    private static Set<String> recorded(Connection c, List<Reminder> candidates) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM LEDGER_REMINDER WHERE REMINDER_KEY = ?")) {
            for (Reminder r : candidates) {
                ps.setString(1, r.key());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        keys.add(r.key());
                    }
                }
            }
        }
        return keys;
    }

    /**
     * The reminders a unit's open items call for on a day, before looking at what was sent: a due reminder
     * per due date from {@code daysBeforeDue} days before it until the day before it, and for each due date
     * passed with something still open the overdue stage whose window holds the day (from the stage's day until
     * the next stage's day, at most {@value #CATCH_UP_DAYS} days), quoting the whole overdue balance.
     */
    static List<Reminder> reminders(OpenItems items, LocalDate today, Settings settings) {
        Map<YearMonth, BigDecimal> open = new TreeMap<>();
        for (OpenCharge c : items.charges()) {
            if (c.open().signum() > 0) {
                open.merge(c.month(), c.open(), BigDecimal::add);
            }
        }
        BigDecimal overdueBalance = open.entrySet().stream()
                .filter(e -> PaymentDue.dueDateOf(e.getKey()).isBefore(today))
                .map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(LedgerAmounts.SCALE);
        List<Reminder> result = new ArrayList<>();
        List<Integer> stages = settings.overdueDays();
        for (Map.Entry<YearMonth, BigDecimal> e : open.entrySet()) {
            YearMonth month = e.getKey();
            LocalDate dueDate = PaymentDue.dueDateOf(month);
            if (today.isBefore(dueDate)) {
                if (!today.isBefore(dueDate.minusDays(settings.daysBeforeDue()))) {
                    result.add(new Reminder(
                            "due:" + items.unitId() + ":" + dueDate,
                            LedgerEvents.PAYMENT_DUE,
                            month,
                            dueDate,
                            null,
                            e.getValue().setScale(LedgerAmounts.SCALE)));
                }
                continue;
            }
            if (overdueBalance.signum() <= 0) {
                continue;
            }
            for (int i = 0; i < stages.size(); i++) {
                LocalDate from = dueDate.plusDays(stages.get(i));
                LocalDate until = from.plusDays(CATCH_UP_DAYS);
                if (i + 1 < stages.size() && dueDate.plusDays(stages.get(i + 1)).isBefore(until)) {
                    until = dueDate.plusDays(stages.get(i + 1));
                }
                if (!today.isBefore(from) && today.isBefore(until)) {
                    result.add(new Reminder(
                            "overdue:" + items.unitId() + ":" + dueDate + ":" + stages.get(i),
                            LedgerEvents.PAYMENT_OVERDUE,
                            month,
                            dueDate,
                            stages.get(i),
                            overdueBalance));
                }
            }
        }
        return result;
    }

    /** The event's properties: plain Java types only, the receiver has no ledger classes. */
    private Map<String, Object> properties(
            Organisation organisation, Building building, Unit unit, String currency, Reminder r) {
        String label = building.street() + " " + building.number() + ", " + unit.number();
        PaymentDue due = PaymentDue.forUnit(organisation, unit, label, r.month(), r.amount(), currency);
        Map<String, Object> props = new HashMap<>();
        props.put(LedgerEvents.BUILDING_ID, building.id());
        props.put(LedgerEvents.UNIT_ID, unit.id());
        props.put(LedgerEvents.UNIT_LABEL, label);
        props.put(LedgerEvents.AMOUNT, r.amount().toPlainString());
        props.put(LedgerEvents.CURRENCY, currency);
        props.put(LedgerEvents.DUE_DATE, r.dueDate().toString());
        props.put(LedgerEvents.MONTH, r.month().toString());
        if (due.account() != null && !due.account().isBlank()) {
            props.put(LedgerEvents.ACCOUNT, due.account());
        }
        if (due.reference() != null && !due.reference().isBlank()) {
            props.put(LedgerEvents.REFERENCE, due.reference());
        }
        qr(organisation, building, unit, r.amount(), currency).ifPresent(qr -> {
            props.put(LedgerEvents.QR_PAYLOAD, qr.payload());
            props.put(LedgerEvents.QR_STANDARD, qr.standard().name());
        });
        if (r.daysOverdue() != null) {
            props.put(LedgerEvents.DAYS_OVERDUE, r.daysOverdue());
        }
        props.put(LedgerEvents.REMINDER_KEY, r.key());
        return props;
    }

    /**
     * The unit's payment QR code for the amount, as its page and statement make it ({@link
     * PaymentOrder#forUnit}, the unit's label in the organisation's language as the payment message); empty
     * when the registry lacks the data or the standard refuses it: a reminder is never held back for want of a
     * code.
     */
    private Optional<PaymentQr> qr(
            Organisation organisation, Building building, Unit unit, BigDecimal amount, String currency) {
        String message = Texts.of(language(organisation))
                .get("ledger.statement.unit.label", building.street() + " " + building.number(), unit.number());
        try {
            return PaymentOrder.forUnit(organisation, unit, amount, currency, message)
                    .flatMap(qrCodes::create);
        } catch (DomusException refused) {
            LOG.debug("No payment QR code for unit {}: {}", unit.id(), refused.messageKey());
            return Optional.empty();
        }
    }

    /** The language of the organisation's country, for the payment message: cs, pl, ro, else en. */
    static String language(Organisation organisation) {
        String country =
                organisation.country() == null ? "" : organisation.country().toUpperCase(Locale.ROOT);
        return switch (country) {
            case "CZ" -> "cs";
            case "PL" -> "pl";
            case "RO" -> "ro";
            default -> "en";
        };
    }
}
