package org.domus.ledger.payment;

import java.time.LocalDate;

/**
 * The payment reminder job of the ledger: finds the units with open charges that fall due in {@code
 * reminders.daysBeforeDue} days or are overdue by one of {@code reminders.overdueDays}, records each reminder
 * once in the database and, after that has committed, posts it as {@link org.domus.ledger.LedgerEvents#PAYMENT_DUE}
 * or {@link org.domus.ledger.LedgerEvents#PAYMENT_OVERDUE}. The scheduler runs it once a day across all nodes;
 * this service runs it at once (the {@code domus:payment-reminders} command, integration tests). System use
 * only: it is not exposed over REST and checks no subject.
 *
 * <p>Running it again, on any node, posts nothing twice: a reminder already recorded is counted as {@code
 * alreadySent}. A stage that was missed (no node ran for some days) is caught up only while it is still
 * current: a due reminder while the due date is still ahead, an overdue stage until the next stage is reached
 * (at most a week); older stages are skipped, and each unit gets at most one overdue reminder per run.
 *
 * @since 0.4
 */
public interface PaymentReminders {

    /**
     * Runs the job for the day {@code today} (in the organisations' calendar), whatever the scheduler has done
     * that day; with {@code reminders.enabled = false} nothing is posted.
     */
    ReminderRun run(LocalDate today);

    /**
     * What one run did.
     *
     * @param date the day it ran for
     * @param enabled false when reminders are switched off (then every count is 0)
     * @param units units with an open amount that were looked at
     * @param due {@code PAYMENT_DUE} reminders posted
     * @param overdue {@code PAYMENT_OVERDUE} reminders posted
     * @param alreadySent reminders that were due but had been posted before (by an earlier run or another node)
     */
    record ReminderRun(LocalDate date, boolean enabled, int units, int due, int overdue, int alreadySent) {}
}
