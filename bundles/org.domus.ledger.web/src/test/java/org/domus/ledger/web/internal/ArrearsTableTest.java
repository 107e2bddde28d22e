package org.domus.ledger.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.domus.core.export.Table;
import org.domus.core.export.TableFormat;
import org.domus.ledger.Arrear;
import org.junit.jupiter.api.Test;

/** The arrears list downloads with translated headers and exact amounts, one row per unit. */
class ArrearsTableTest {

    @Test
    void theDownloadHasOneRowPerUnitWithItsDebtToTheCent() {
        List<String> headers =
                List.of("Address", "Unit number", "Holders", "Currency", "Owed", "Unpaid since", "Months");
        Table table = ArrearsView.table(
                "Arrears",
                headers,
                List.of(new Arrear(
                        7,
                        "12",
                        1,
                        "Opatovská 1933/1",
                        1,
                        1,
                        List.of("Jan Novák", "Eva Nováková"),
                        "CZK",
                        new BigDecimal("4321.05"),
                        YearMonth.of(2026, 8),
                        3)));
        assertEquals(7, table.columns().size());
        assertEquals(1, table.rows().size());
        String csv = new String(TableFormat.CSV.toBytes(table, Locale.ENGLISH), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Opatovská 1933/1"), csv);
        assertTrue(csv.contains("4321.05"), csv);
        assertTrue(csv.contains("Jan Novák, Eva Nováková"), csv);
        assertTrue(TableFormat.XLSX.toBytes(table, Locale.ENGLISH).length > 100);
    }
}
