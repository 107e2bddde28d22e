package org.domus.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.domus.core.DomusException;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.ledger.BillingRun;
import org.domus.ledger.BillingScope;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.LedgerTransaction;
import org.domus.ledger.NewPayment;
import org.domus.ledger.OpenItems;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.RateLevel;
import org.domus.ledger.TurnoverMonth;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of billing runs, payments, refunds and reversals (seeded, so a failure names its seed
 * and replays): after every step each unit's running balance equals the sum of its postings, every
 * transaction balances, the turnover sheet's closing balance equals the balance, and the open items add up
 * to the balance.
 */
class LedgerPropertyTest {

    static final org.domus.core.Subject ADMIN = LedgerDatabase.ADMIN;

    @Test
    void balancesEqualTheSumOfPostingsAndEveryTransactionBalancesWhateverHappens() {
        for (long seed : new long[] {1, 2, 3, 20261103}) {
            try (LedgerDatabase db = new LedgerDatabase()) {
                run(db, new Random(seed), seed);
            }
        }
    }

    private void run(LedgerDatabase db, Random random, long seed) {
        LedgerServiceImpl ledger = db.ledger();
        ChargeServiceImpl charges = ChargeServiceImpl.create(ledger);
        BillingServiceImpl billing = BillingServiceImpl.create(ledger, List.of());
        PaymentServiceImpl payments = PaymentServiceImpl.create(ledger);
        Organisation org = db.organisation("EUR");
        Building building = db.building(db.estate(org.id(), "E").id(), "1");
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            units.add(db.unit(
                    building.id(),
                    "U" + i,
                    (30 + random.nextInt(90)) + "." + random.nextInt(10) + "5",
                    new Share(1, 4)));
        }
        ChargeComponent area = charges.createComponent(
                ADMIN, new ChargeComponent(0, org.id(), "FEE", "Fee", ChargeBasis.PER_AREA, null, 2, true, 0));
        ChargeComponent share = charges.createComponent(
                ADMIN, new ChargeComponent(0, org.id(), "FUND", "Fund", ChargeBasis.BY_SHARE, null, 1, true, 0));
        YearMonth start = YearMonth.of(2025, 1);
        charges.addRate(ADMIN, area.id(), RateLevel.ORGANISATION, org.id(), new BigDecimal("1.2345"), start.atDay(1));
        charges.addRate(ADMIN, share.id(), RateLevel.BUILDING, building.id(), new BigDecimal("333.33"), start.atDay(1));

        YearMonth month = start;
        List<Long> reversible = new ArrayList<>();
        List<Long> runs = new ArrayList<>();
        for (int step = 0; step < 100; step++) {
            Unit unit = units.get(random.nextInt(units.size()));
            LocalDate day = month.atDay(1 + random.nextInt(28));
            int op = random.nextInt(10);
            String what;
            try {
                if (op < 3) {
                    what = "bill " + month;
                    BillingRun run = billing.run(ADMIN, new BillingScope(ScopeType.ORGANISATION, org.id()), month, null)
                            .run();
                    runs.add(run.id());
                    month = month.plusMonths(1);
                } else if (op < 7) {
                    BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(150000), 2);
                    what = "pay " + amount + " unit " + unit.id();
                    reversible.add(payments.record(
                                    ADMIN,
                                    new NewPayment(
                                            unit.id(),
                                            amount,
                                            day,
                                            random.nextBoolean() ? PaymentMethod.BANK : PaymentMethod.CASH,
                                            null))
                            .transaction()
                            .id());
                } else if (op < 8) {
                    BigDecimal credit = ledger.balance(ADMIN, unit.id()).credit();
                    // mostly within the credit (sometimes all of it), sometimes beyond it (refused)
                    BigDecimal amount = credit.signum() > 0 && random.nextInt(4) > 0
                            ? (random.nextBoolean()
                                    ? credit
                                    : credit.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN)
                                            .max(new BigDecimal("0.01")))
                            : BigDecimal.valueOf(1 + random.nextInt(10000), 2);
                    what = "refund " + amount + " unit " + unit.id() + " credit " + credit;
                    reversible.add(payments.refund(ADMIN, unit.id(), amount, day, PaymentMethod.BANK, null)
                            .id());
                } else if (op < 9 && !reversible.isEmpty()) {
                    long tx = reversible.remove(random.nextInt(reversible.size()));
                    what = "reverse " + tx;
                    LedgerTransaction reversal = ledger.reverse(ADMIN, tx, day, null);
                    assertEquals(tx, reversal.reversesId());
                } else if (!runs.isEmpty()) {
                    long run = runs.remove(random.nextInt(runs.size()));
                    what = "reverse run " + run;
                    billing.reverse(ADMIN, run, day);
                } else {
                    what = "nothing";
                }
            } catch (DomusException refused) {
                // refunds above the credit are refused; the books must be unchanged, which the checks prove
                what = "refused " + refused.messageKey();
                assertEquals("ledger.refund.exceeds-credit", refused.messageKey(), "seed " + seed);
            }
            check(db, ledger, payments, units, start, month, "seed " + seed + " step " + step + " " + what);
        }
        // the sequence really mixed every kind of transaction
        for (String kind : List.of("CHARGE", "PAYMENT", "REFUND", "REVERSAL")) {
            assertTrue(
                    db.count("SELECT COUNT(*) FROM LEDGER_TRANSACTION WHERE KIND = '" + kind + "'") > 0,
                    "seed " + seed + " posted no " + kind);
        }
    }

    private void check(
            LedgerDatabase db,
            LedgerServiceImpl ledger,
            PaymentServiceImpl payments,
            List<Unit> units,
            YearMonth start,
            YearMonth month,
            String context) {
        assertEquals(
                0,
                db.count("SELECT COUNT(*) FROM (SELECT TRANSACTION_ID FROM LEDGER_POSTING GROUP BY TRANSACTION_ID,"
                        + " CURRENCY HAVING SUM(AMOUNT) <> 0) x"),
                context + ": an unbalanced transaction");
        assertEquals(
                0,
                db.count("SELECT COUNT(*) FROM LEDGER_ACCOUNT a WHERE a.BALANCE <> (SELECT COALESCE(SUM(p.AMOUNT), 0)"
                        + " FROM LEDGER_POSTING p WHERE p.ACCOUNT_ID = a.ID)"),
                context + ": a running balance differs from its postings");
        assertEquals(
                0,
                db.count("SELECT COUNT(*) FROM LEDGER_ACCOUNT a WHERE a.BALANCE <> (SELECT COALESCE(SUM(m.CHARGES"
                        + " - m.PAYMENTS + m.OTHER), 0) FROM LEDGER_ACCOUNT_MONTH m WHERE m.ACCOUNT_ID = a.ID)"),
                context + ": monthly turnover rows differ from the balance");
        for (Unit u : units) {
            BigDecimal balance = ledger.balance(ADMIN, u.id()).balance();
            List<Map<String, Object>> sum =
                    db.rows("SELECT COALESCE(SUM(AMOUNT), 0) AS S FROM LEDGER_POSTING WHERE UNIT_ID = " + u.id());
            assertEquals(0, balance.compareTo((BigDecimal) sum.get(0).get("S")), context);
            List<TurnoverMonth> sheet = ledger.turnover(ADMIN, u.id(), start.minusMonths(1), month.plusMonths(1))
                    .months();
            assertEquals(0, sheet.get(0).opening().signum(), context);
            assertEquals(0, balance.compareTo(sheet.get(sheet.size() - 1).closing()), context);
            OpenItems open = payments.openItems(ADMIN, u.id());
            assertEquals(0, balance.compareTo(open.debt().subtract(open.credit())), context + ": open items");
            assertTrue(open.credit().signum() == 0 || open.debt().signum() == 0, context + ": credit and debt at once");
        }
    }
}
