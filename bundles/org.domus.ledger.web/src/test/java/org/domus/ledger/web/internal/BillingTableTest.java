package org.domus.ledger.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeLine;
import org.junit.jupiter.api.Test;

class BillingTableTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 3);

    private static ChargeLine line(long unit, String code, String amount) {
        return new ChargeLine(
                unit, code.hashCode(), code, ChargeBasis.PER_UNIT, MONTH, null, null, new BigDecimal(amount));
    }

    @Test
    void oneRowPerUnitOneColumnPerComponentAndTotalsToTheCent() {
        BillingTable table = new BillingTable(List.of(
                line(7, "REPAIR", "100.33"),
                line(3, "WATER", "0.01"),
                line(7, "WATER", "12.50"),
                line(3, "REPAIR", "99.99")));
        assertEquals(List.of("REPAIR", "WATER"), table.components());
        assertEquals(2, table.rows().size());
        assertEquals(3, table.rows().get(0).unitId());
        assertEquals(new BigDecimal("100.00"), table.rows().get(0).total());
        assertEquals(new BigDecimal("112.83"), table.rows().get(1).total());
        assertEquals(new BigDecimal("200.32"), table.columnTotal("REPAIR"));
        assertEquals(new BigDecimal("12.51"), table.columnTotal("WATER"));
        assertEquals(new BigDecimal("0.00"), table.columnTotal("LIFT"));
        assertEquals(new BigDecimal("212.83"), table.total());
    }

    @Test
    void anEmptyRunHasNoRowsAndAZeroTotal() {
        BillingTable table = new BillingTable(List.of());
        assertEquals(List.of(), table.rows());
        assertEquals(new BigDecimal("0.00"), table.total());
    }

    @Test
    void amountsAreWrittenExactlyInTheUsersLocale() {
        assertEquals("1,234.50", LedgerText.amount(new BigDecimal("1234.5"), Locale.ENGLISH));
        assertEquals("1\u00a0234,50", LedgerText.amount(new BigDecimal("1234.50"), Locale.forLanguageTag("cs")));
        assertEquals("03/2026", LedgerText.month(MONTH));
        assertEquals("-0.01 CZK", LedgerText.money(new BigDecimal("-0.01"), "CZK", Locale.ENGLISH));
    }
}
