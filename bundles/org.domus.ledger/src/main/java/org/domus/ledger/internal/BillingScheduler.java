package org.domus.ledger.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeService;
import org.domus.persistence.ClusterNode;
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
 * Runs {@link ScheduledBilling} every few minutes on this node, configured by PID {@value #PID}
 * ({@code etc/org.domus.ledger.cfg}). Every node of a cluster runs one; the database lets one of them bill.
 */
@Component(
        service = {},
        immediate = true,
        configurationPid = BillingScheduler.PID)
@Designate(ocd = BillingScheduler.Config.class)
public class BillingScheduler {

    public static final String PID = "org.domus.ledger";
    private static final Logger LOG = LoggerFactory.getLogger(BillingScheduler.class);

    @ObjectClassDefinition(
            name = "Domus ledger",
            description = "The scheduled monthly billing run and payment reminders")
    public @interface Config {
        @AttributeDefinition(description = "Run the billing run on a schedule")
        boolean billing_enabled() default false;

        @AttributeDefinition(description = "Day of the month from which the current month is billed (1-31)")
        int billing_dayOfMonth() default 1;

        @AttributeDefinition(description = "all, or ORGANISATION:<id>, ESTATE:<id>, BUILDING:<id> separated by commas")
        String billing_scope() default "all";

        @AttributeDefinition(description = "Minutes between two checks whether a run is due")
        int billing_checkMinutes() default 15;

        @AttributeDefinition(description = "Post payment reminders (before the due date and when overdue)")
        boolean reminders_enabled() default true;

        @AttributeDefinition(description = "Days before a due date its reminder is posted (1-60)")
        int reminders_daysBeforeDue() default 3;

        @AttributeDefinition(
                description =
                        "Days after a due date overdue reminders are posted, e.g. 5, 20 (each 1-366; empty for none)")
        String reminders_overdueDays() default "5, 20";

        @AttributeDefinition(description = "Minutes between two checks whether the day's reminders are due")
        int reminders_checkMinutes() default 60;
    }

    private final ScheduledBilling scheduled;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> task;
    private volatile ScheduledBilling.Settings settings;

    @Activate
    public BillingScheduler(
            @Reference LedgerServiceImpl ledger,
            @Reference BillingService billing,
            @Reference ChargeService charges,
            @Reference RegistryService registry,
            Config config) {
        JobLock lock = new JobLock(ledger.jpa(), Clock.systemUTC(), ClusterNode.newName());
        this.scheduled = new ScheduledBilling(
                billing,
                () -> registry.organisations(ScheduledBilling.SCHEDULER).stream()
                        .map(Organisation::id)
                        .filter(o -> charges.components(ScheduledBilling.SCHEDULER, o).stream()
                                .anyMatch(ChargeComponent::active))
                        .map(o -> new BillingScope(ScopeType.ORGANISATION, o))
                        .toList(),
                lock,
                Clock.systemDefaultZone());
        this.settings = settings(config);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "domus-billing-scheduler");
            t.setDaemon(true);
            return t;
        });
        schedule(config.billing_checkMinutes());
    }

    @Modified
    void modified(Config config) {
        settings = settings(config);
        schedule(config.billing_checkMinutes());
    }

    /**
     * (Re)starts the periodic check with the configured interval, the first one at once: a changed interval or
     * a job just switched on takes effect now, not after the old interval.
     */
    private synchronized void schedule(int checkMinutes) {
        if (task != null) {
            task.cancel(false);
        }
        task = executor.scheduleWithFixedDelay(this::check, 1, Math.max(1, checkMinutes) * 60L, TimeUnit.SECONDS);
    }

    private void check() {
        ScheduledBilling.Settings now = settings;
        if (now == null) {
            return;
        }
        try {
            scheduled.check(now);
        } catch (RuntimeException e) {
            // Never let an exception end the periodic task: the next check tries again.
            LOG.error("Scheduled billing check failed: {}", e.toString(), e);
        }
    }

    private static ScheduledBilling.Settings settings(Config config) {
        try {
            List<BillingScope> scopes = ScheduledBilling.scopes(config.billing_scope());
            ScheduledBilling.Settings s =
                    new ScheduledBilling.Settings(config.billing_enabled(), config.billing_dayOfMonth(), scopes);
            if (s.enabled()) {
                LOG.info(
                        "Scheduled billing run enabled: day {} of each month, scope {}",
                        s.dayOfMonth(),
                        scopes.isEmpty() ? "every organisation" : scopes);
            }
            return s;
        } catch (IllegalArgumentException e) {
            LOG.error("Scheduled billing run disabled: {} in {}.cfg", e.getMessage(), PID);
            return null;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
