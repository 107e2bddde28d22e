package org.domus.ledger.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.domus.ledger.payment.PaymentQrCodes;
import org.domus.ledger.payment.PaymentReminders;
import org.domus.persistence.ClusterNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PaymentReminderJob} every {@code reminders.checkMinutes} on this node (once a day across nodes),
 * and at once for {@link PaymentReminders#run}; configured by the ledger's PID {@value BillingScheduler#PID}
 * (the {@code reminders.*} keys of {@code etc/org.domus.ledger.cfg}, described by {@link
 * BillingScheduler.Config}).
 */
@Component(service = PaymentReminders.class, immediate = true, configurationPid = BillingScheduler.PID)
public class PaymentRemindersImpl implements PaymentReminders {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentRemindersImpl.class);

    private final PaymentReminderJob job;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> task;
    private volatile PaymentReminderJob.Settings settings;

    @Activate
    public PaymentRemindersImpl(
            @Reference LedgerServiceImpl ledger, @Reference PaymentQrCodes qrCodes, BillingScheduler.Config config) {
        this.job = new PaymentReminderJob(
                ledger,
                qrCodes,
                new JobLock(ledger.jpa(), Clock.systemUTC(), ClusterNode.newName()),
                Clock.systemDefaultZone());
        this.settings = settings(config);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "domus-payment-reminders");
            t.setDaemon(true);
            return t;
        });
        schedule(config.reminders_checkMinutes());
    }

    @Modified
    void modified(BillingScheduler.Config config) {
        settings = settings(config);
        schedule(config.reminders_checkMinutes());
    }

    /**
     * (Re)starts the periodic check with the configured interval, the first one at once: a changed interval or
     * a job just switched on takes effect now, not after the old interval.
     */
    private synchronized void schedule(int checkMinutes) {
        if (task != null) {
            task.cancel(false);
        }
        task = executor.scheduleWithFixedDelay(this::check, 2, Math.max(1, checkMinutes) * 60L, TimeUnit.SECONDS);
    }

    @Override
    public ReminderRun run(LocalDate today) {
        PaymentReminderJob.Settings now = settings;
        if (now == null) {
            return new ReminderRun(today, false, 0, 0, 0, 0);
        }
        return job.run(today, now);
    }

    private void check() {
        PaymentReminderJob.Settings now = settings;
        if (now == null) {
            return;
        }
        try {
            job.check(now);
        } catch (RuntimeException e) {
            // Never let an exception end the periodic task: the next check tries again.
            LOG.error("Payment reminder check failed: {}", e.toString(), e);
        }
    }

    /** The settings, or null (no reminders) with an error in the log when a value is refused. */
    static PaymentReminderJob.Settings settings(BillingScheduler.Config config) {
        try {
            if (config.reminders_checkMinutes() < 1) {
                throw new IllegalArgumentException(
                        "reminders.checkMinutes must be 1 or more, not " + config.reminders_checkMinutes());
            }
            PaymentReminderJob.Settings s = PaymentReminderJob.Settings.parse(
                    config.reminders_enabled(), config.reminders_daysBeforeDue(), config.reminders_overdueDays());
            if (s.enabled()) {
                LOG.info(
                        "Payment reminders enabled: {} days before the due date, overdue after {} days",
                        s.daysBeforeDue(),
                        s.overdueDays());
            }
            return s;
        } catch (IllegalArgumentException e) {
            LOG.error("Payment reminders disabled: {} in {}.cfg", e.getMessage(), BillingScheduler.PID);
            return null;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
