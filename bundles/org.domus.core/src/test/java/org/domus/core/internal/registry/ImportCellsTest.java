package org.domus.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domus.core.registry.Share;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.imports.ImportKind;
import org.junit.jupiter.api.Test;

class ImportCellsTest {

    private static ImportCells row(String column, String value) {
        return new ImportCells(7, Map.of(column, value));
    }

    @Test
    void decimalsWithCommaPointAndThousandsSeparators() {
        assertEquals(new BigDecimal("61.5"), ImportCells.parseDecimal("61,5"));
        assertEquals(new BigDecimal("61.50"), ImportCells.parseDecimal("61.50"));
        assertEquals(new BigDecimal("1234.5"), ImportCells.parseDecimal("1 234,5"));
        assertEquals(new BigDecimal("1234.5"), ImportCells.parseDecimal("1\u00A0234,5"));
        assertEquals(new BigDecimal("1234.56"), ImportCells.parseDecimal("1.234,56"));
        assertEquals(new BigDecimal("1234.56"), ImportCells.parseDecimal("1,234.56"));
        assertNull(ImportCells.parseDecimal("1,2,3"));
        assertNull(ImportCells.parseDecimal("abc"));
    }

    @Test
    void badCellsBecomeProblemsWithLineAndColumn() {
        ImportCells r = row("area", "sixty");
        assertNull(r.decimal("area"));
        assertEquals(1, r.problems.size());
        assertEquals(7, r.problems.get(0).line());
        assertEquals("area", r.problems.get(0).column());
        assertEquals("registry.import.decimal", r.problems.get(0).messageKey());
        assertEquals(List.of("sixty"), r.problems.get(0).arguments());
    }

    @Test
    void sharesAreExactFractions() {
        assertEquals(new Share(615, 45210), row("share", " 615 / 45210 ").share("share"));
        assertEquals(Share.ONE, row("share", "1").share("share"));
        ImportCells bad = row("share", "0,5");
        assertNull(bad.share("share"));
        assertEquals("registry.import.share", bad.problems.get(0).messageKey());
    }

    @Test
    void datesInIsoAndCzechPolishNotation() {
        assertEquals(LocalDate.of(2019, 3, 1), row("d", "2019-03-01").date("d"));
        assertEquals(LocalDate.of(2019, 3, 1), row("d", "01.03.2019").date("d"));
        assertEquals(LocalDate.of(2019, 3, 1), row("d", "1. 3. 2019").date("d"));
        ImportCells bad = row("d", "31.02.2019");
        assertNull(bad.date("d"));
        assertEquals("registry.import.date", bad.problems.get(0).messageKey());
    }

    @Test
    void codesIgnoreCaseAndAcceptHyphens() {
        assertEquals(TenureRole.CO_OWNER, row("role", "co-owner").code("role", TenureRole.class));
        ImportCells bad = row("role", "landlord");
        assertNull(bad.code("role", TenureRole.class));
        assertEquals("landlord", bad.problems.get(0).arguments().get(0));
    }

    @Test
    void headersMatchIgnoringCaseSpacesAndUnderscores() {
        List<String[]> problems = new ArrayList<>();
        Map<String, Integer> index = ImportCells.columns(
                ImportKind.UNITS,
                List.of(
                        "Building street",
                        "BUILDING_NUMBER",
                        "building-city",
                        "Unit",
                        "kind",
                        "area",
                        "share",
                        "Legal form",
                        "colour"),
                problems);
        assertEquals(2, index.get("building_city"));
        assertEquals(7, index.get("legal_form"));
        assertEquals(1, problems.size());
        assertEquals("colour", problems.get(0)[0]);
        assertEquals("registry.import.column.unknown", problems.get(0)[1]);

        problems.clear();
        ImportCells.columns(ImportKind.TENURES, List.of("unit", "role", "unit"), problems);
        List<String> keys = problems.stream().map(p -> p[1] + ":" + p[0]).toList();
        assertTrue(keys.contains("registry.import.column.repeated:unit"), keys.toString());
        assertTrue(keys.contains("registry.import.column.missing:person_reference"), keys.toString());
        assertTrue(keys.contains("registry.import.column.missing:valid_from"), keys.toString());
    }
}
