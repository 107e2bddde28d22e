package org.domus.itests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.ledger.BillingScope;
import org.domus.ledger.BillingService;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeService;
import org.domus.ledger.NewPayment;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.PaymentService;
import org.domus.ledger.RateLevel;
import org.domus.ledger.payment.PaymentReminders;
import org.domus.ledger.payment.PaymentReminders.ReminderRun;

/**
 * What PaymentRemindersIT does with the ledger's services (kept apart so the probe loads the API only once
 * the module is installed).
 */
final class PaymentRemindersScenario {

    record Outcome(ReminderRun dueRun, ReminderRun dueAgain, ReminderRun overdueRun) {}

    private final ChargeService charges;
    private final BillingService billing;
    private final PaymentService payments;
    private final PaymentReminders reminders;

    PaymentRemindersScenario(Object charges, Object billing, Object payments, Object reminders) {
        this.charges = (ChargeService) charges;
        this.billing = (BillingService) billing;
        this.payments = (PaymentService) payments;
        this.reminders = (PaymentReminders) reminders;
    }

    /**
     * Charges every unit 1 000 a month for {@code month}, lets {@code payingUnit} pay 400, and runs the
     * reminders three days before the month's due date (twice) and five days after it.
     */
    Outcome run(Subject admin, long organisationId, long payingUnit, YearMonth month) {
        ChargeComponent fee = charges.createComponent(
                admin, new ChargeComponent(0, organisationId, "FEE", "Fee", ChargeBasis.PER_UNIT, null, 1, true, 0));
        charges.addRate(
                admin, fee.id(), RateLevel.ORGANISATION, organisationId, new BigDecimal("1000"), month.atDay(1));
        billing.run(admin, new BillingScope(ScopeType.ORGANISATION, organisationId), month, null);
        payments.record(
                admin, new NewPayment(payingUnit, new BigDecimal("400.00"), month.atDay(10), PaymentMethod.BANK, "VS"));
        LocalDate dueDate = month.atEndOfMonth();
        ReminderRun due = reminders.run(dueDate.minusDays(3));
        ReminderRun again = reminders.run(dueDate.minusDays(3));
        ReminderRun overdue = reminders.run(dueDate.plusDays(5));
        return new Outcome(due, again, overdue);
    }
}
