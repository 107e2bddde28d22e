package org.domus.ledger.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.domus.ledger.BillingResult;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeLine;
import org.domus.rest.ValidationException;
import org.junit.jupiter.api.Test;

class LedgerWritesTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private static ChargeLine line(long unit, String code, String amount) {
        return new ChargeLine(
                unit,
                1,
                code,
                ChargeBasis.PER_UNIT,
                MARCH,
                BigDecimal.ONE,
                new BigDecimal(amount),
                new BigDecimal(amount));
    }

    @Test
    void aPreviewShowsEveryUnitsLinesAndTotalInTheOrderOfTheRun() {
        BillingResult preview = new BillingResult(
                null,
                true,
                false,
                List.of(line(7, "FEE", "1200.00"), line(7, "REPAIR", "300.50"), line(3, "FEE", "900.00")),
                2,
                0,
                new BigDecimal("2400.50"),
                "CZK");

        LedgerWrites.BillingView view = LedgerWrites.view(preview);

        assertEquals(2, view.perUnit().size());
        assertEquals(7, view.perUnit().get(0).unitId());
        assertEquals(2, view.perUnit().get(0).lines().size());
        assertEquals(new BigDecimal("1500.50"), view.perUnit().get(0).total());
        assertEquals(new BigDecimal("900.00"), view.perUnit().get(1).total());
        assertEquals(new BigDecimal("2400.50"), view.total());
    }

    @Test
    void monthsAreRequiredAndRefusedFieldByField() {
        ValidationException.Builder errors = ValidationException.builder();
        assertEquals(MARCH, LedgerWrites.month("2026-03", "month", errors));
        LedgerWrites.month("03/2026", "month", errors);
        LedgerWrites.month(" ", "month", errors);
        ValidationException refused = errors.build();
        assertEquals("ledger.month.invalid", refused.violations().get(0).messageKey());
        assertEquals("validation.required", refused.violations().get(1).messageKey());
        assertEquals(null, LedgerWrites.optionalMonth(null, "month"));
        assertThrows(ValidationException.class, () -> LedgerWrites.optionalMonth("2026-13", "month"));
    }
}
