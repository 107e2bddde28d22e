package org.domus.ledger.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.ledger.BillingProgress;
import org.domus.ledger.BillingResult;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly billing run on a schedule: from the configured day of a month on, the <em>current</em> month is
 * billed once (charges of a month are advances due in that month, so the run on, say, the 1st posts them in
 * time for the due date). A node that was down on that day catches up at its next check in the same month; a
 * month whose day has passed unbilled by the end of the month is not billed afterwards by the scheduler (an
 * accountant runs it by hand, as a late run deserves a look).
 *
 * <p>Every node checks; {@link JobLock} lets one node per month run it. The billing run itself is idempotent
 * anyway: a scope billed by hand earlier in the month is reported as already posted and left alone.
 */
final class ScheduledBilling {

    static final String JOB = "billing-run";
    /** Who the scheduled runs are posted and audited as. */
    static final Subject SCHEDULER = Subject.system("scheduler", "Scheduled billing run");

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBilling.class);

    /**
     * @param enabled whether the scheduler bills at all
     * @param dayOfMonth 1 to 31; in shorter months the last day
     * @param scopes the scopes to bill; empty means every organisation whose ledger has active components
     */
    record Settings(boolean enabled, int dayOfMonth, List<BillingScope> scopes) {
        Settings {
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw new IllegalArgumentException("billing.dayOfMonth must be 1..31, not " + dayOfMonth);
            }
            scopes = List.copyOf(scopes);
        }
    }

    enum Outcome {
        DISABLED,
        NOT_DUE,
        /** Another node holds the claim, or completed the month between our read and our claim. */
        CLAIMED_ELSEWHERE,
        RAN,
        FAILED
    }

    private final BillingService billing;
    private final Supplier<List<BillingScope>> everyOrganisation;
    private final JobLock lock;
    private final Clock clock;

    /**
     * @param everyOrganisation the organisation scopes billed when the settings name none (those with active
     *     charge components)
     */
    ScheduledBilling(
            BillingService billing, Supplier<List<BillingScope>> everyOrganisation, JobLock lock, Clock clock) {
        this.billing = Objects.requireNonNull(billing);
        this.everyOrganisation = Objects.requireNonNull(everyOrganisation);
        this.lock = Objects.requireNonNull(lock);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The month to bill today, if any: the current month once its billing day has come, unless the job has
     * completed it already.
     */
    static Optional<YearMonth> due(LocalDate today, int dayOfMonth, OptionalInt donePeriod) {
        int day = Math.min(dayOfMonth, today.lengthOfMonth());
        if (today.getDayOfMonth() < day) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(today);
        if (donePeriod.isPresent() && donePeriod.getAsInt() >= Books.period(month)) {
            return Optional.empty();
        }
        return Optional.of(month);
    }

    /**
     * Scopes from configuration: empty or {@code all} for every organisation, else a comma-separated list of
     * {@code ORGANISATION:<id>}, {@code ESTATE:<id>}, {@code BUILDING:<id>}.
     *
     * @throws IllegalArgumentException naming the entry that is not one
     */
    static List<BillingScope> scopes(String text) {
        List<BillingScope> result = new ArrayList<>();
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("all")) {
            return result;
        }
        for (String entry : text.split(",")) {
            String e = entry.strip();
            int colon = e.indexOf(':');
            try {
                ScopeType type = ScopeType.valueOf(e.substring(0, colon).strip().toUpperCase(Locale.ROOT));
                result.add(new BillingScope(
                        type, Long.parseLong(e.substring(colon + 1).strip())));
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException(
                        "billing.scope entry '" + e + "' is not ORGANISATION:<id>, ESTATE:<id> or BUILDING:<id>");
            }
        }
        return result;
    }

    /** One check: bills the month when it is due and this node wins the claim. */
    Outcome check(Settings settings) {
        if (!settings.enabled()) {
            return Outcome.DISABLED;
        }
        Optional<YearMonth> due = due(LocalDate.now(clock), settings.dayOfMonth(), lock.donePeriod(JOB));
        if (due.isEmpty()) {
            return Outcome.NOT_DUE;
        }
        YearMonth month = due.get();
        int period = Books.period(month);
        if (!lock.claim(JOB, period, JobLock.DEFAULT_LEASE)) {
            LOG.debug("Scheduled billing run of {}: claimed by another node or done", month);
            return Outcome.CLAIMED_ELSEWHERE;
        }
        List<BillingScope> scopes = settings.scopes().isEmpty() ? everyOrganisation.get() : settings.scopes();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("month", month.toString());
        audit.put("node", lock.node());
        List<String> done = new ArrayList<>();
        try {
            for (BillingScope scope : scopes) {
                BillingResult r = billing.run(SCHEDULER, scope, month, BillingProgress.NONE);
                String line = r.alreadyPosted()
                        ? scope + " already posted"
                        : scope + " " + r.units() + " units " + r.total() + " " + r.currency();
                done.add(line);
                LOG.info("Scheduled billing run of {}: {}", month, line);
            }
        } catch (RuntimeException e) {
            audit.put("done", String.join("; ", done));
            audit.put("error", e.toString());
            LOG.error("Scheduled billing run of {} failed after {}; the next check retries", month, done, e);
            lock.release(JOB, "failed: " + e, SCHEDULER, audit);
            return Outcome.FAILED;
        }
        audit.put("scopes", String.join("; ", done));
        lock.complete(JOB, period, String.join("; ", done), SCHEDULER, audit);
        LOG.info("Scheduled billing run of {} complete on {}: {} scopes", month, lock.node(), scopes.size());
        return Outcome.RAN;
    }
}
