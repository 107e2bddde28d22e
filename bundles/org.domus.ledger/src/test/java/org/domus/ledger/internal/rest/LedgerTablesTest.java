package org.domus.ledger.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.domus.core.export.Column;
import org.domus.core.export.Table;
import org.domus.core.export.TableFormat;
import org.domus.ledger.AccountKind;
import org.domus.ledger.Arrear;
import org.domus.ledger.TransparencyReport;
import org.domus.ledger.internal.statement.Texts;
import org.junit.jupiter.api.Test;

class LedgerTablesTest {

    @Test
    void arrearsTableSpeaksCzechAndWritesCzechCsv() {
        Arrear arrear = new Arrear(
                7,
                "12",
                3,
                "Květná 5, 602 00 Brno",
                2,
                1,
                List.of("Jana Nováková", "Petr Novák"),
                "CZK",
                new BigDecimal("1520.50"),
                YearMonth.of(2026, 1),
                2);
        Table table = LedgerTables.arrears(List.of(arrear), Texts.of("cs"));

        assertEquals("Nedoplatky", table.title());
        assertEquals(
                List.of("Adresa", "Jednotka", "Držitelé", "Měna", "Dluh", "Neuhrazeno od", "Měsíců po splatnosti"),
                table.columns().stream().map(Column::header).toList());
        String csv = new String(TableFormat.CSV.toBytes(table, Locale.forLanguageTag("cs")), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Květná 5, 602 00 Brno;12;Jana Nováková, Petr Novák;CZK;1520,50;2026-01;2\r\n"), csv);
    }

    @Test
    void transparencyTableHasAColumnPerComponentAndOtherKindAndATotalsRow() {
        BigDecimal z = BigDecimal.ZERO.setScale(2);
        TransparencyReport.Month jan = new TransparencyReport.Month(
                YearMonth.of(2026, 1),
                List.of(new BigDecimal("100.00"), new BigDecimal("300.00")),
                new BigDecimal("400.00"),
                new BigDecimal("250.00"),
                z,
                new BigDecimal("80.00"),
                Map.of(AccountKind.SUSPENSE, new BigDecimal("5.00")),
                new BigDecimal("170.00"),
                z);
        TransparencyReport report = new TransparencyReport(
                1,
                "PLN",
                YearMonth.of(2026, 1),
                YearMonth.of(2026, 1),
                List.of(
                        new TransparencyReport.Component(1, "REPAIR", "Fundusz remontowy"),
                        new TransparencyReport.Component(2, "FEE", "Eksploatacja")),
                List.of(jan),
                new TransparencyReport.Month(
                        null,
                        jan.charges(),
                        jan.chargesTotal(),
                        jan.payments(),
                        jan.refunds(),
                        jan.expenses(),
                        jan.other(),
                        jan.bankBalance(),
                        jan.cashBalance()));

        Table table = LedgerTables.transparency(report, "SM Zielona", Texts.of("pl"));

        assertEquals("Przychody i wydatki SM Zielona", table.title());
        List<String> headers = table.columns().stream().map(Column::header).toList();
        assertEquals("Naliczenia: Fundusz remontowy", headers.get(1));
        assertEquals("Naliczenia: Eksploatacja", headers.get(2));
        assertTrue(headers.contains("Inne księgowania: Rozrachunki do wyjaśnienia"), headers.toString());
        assertEquals(2, table.rows().size());
        assertEquals("Razem", table.rows().get(1).get(0));
        assertEquals(new BigDecimal("170.00"), table.rows().get(0).get(headers.indexOf("Bank na koniec miesiąca")));
    }
}
