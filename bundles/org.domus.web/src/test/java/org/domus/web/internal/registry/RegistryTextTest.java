package org.domus.web.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Money;
import org.domus.core.registry.Share;
import org.domus.core.registry.UnitFilter;
import org.junit.jupiter.api.Test;

class RegistryTextTest {

    @Test
    void aShareShowsTheExactFractionAndAPercentageInTheReadersLocale() {
        assertEquals("617/10000 (6.17 %)", RegistryText.share(new Share(617, 10000), Locale.ENGLISH));
        assertEquals("1/3 (33,333 %)", RegistryText.share(new Share(2, 6), new Locale("cs")));
        assertEquals("", RegistryText.share(null, Locale.ENGLISH));
    }

    @Test
    void areaAndMoneyKeepTwoDecimals() {
        assertEquals("54.20 m²", RegistryText.area(new BigDecimal("54.2"), Locale.ENGLISH));
        assertEquals("8,450.00 CZK", RegistryText.money(new Money(new BigDecimal("8450"), "czk"), Locale.ENGLISH));
    }

    @Test
    void equipmentIsSplitOnCommasAndSemicolonsAndBlanksDropped() {
        assertEquals(List.of("balcony", "cellar", "lift"), RegistryText.equipment(" balcony, cellar;; lift ,"));
        assertEquals(List.of(), RegistryText.equipment("  "));
        assertEquals("balcony, cellar", RegistryText.equipment(List.of("balcony", "cellar")));
    }

    @Test
    void theFilterBarBecomesAUnitFilterWithBlanksMeaningNoFilter() {
        Estate estate = new Estate(3, 1, "Jižní Město", 0);
        Building building = new Building(7, 3, "Hlavní", "12", "Praha", "14000", "CZ", null, null, 0);

        assertEquals(
                new UnitFilter(3L, 7L, "Hlavní", null, "Nov"),
                UnitQuery.filter(estate, building, "  Hlavní ", "   ", " Nov"));
        assertEquals(UnitFilter.NONE, UnitQuery.filter(null, null, "", null, ""));
    }
}
