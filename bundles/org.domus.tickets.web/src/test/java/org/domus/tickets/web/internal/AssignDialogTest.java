package org.domus.tickets.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.domus.tickets.ContractorCompany;
import org.junit.jupiter.api.Test;

class AssignDialogTest {

    private static ContractorCompany company(String name, String... groups) {
        return new ContractorCompany(0, 1, name, null, null, null, Set.of(groups), true, 0);
    }

    @Test
    void companiesServingTheTicketsTradesComeFirstEachPartByName() {
        List<ContractorCompany> sorted = AssignDialog.matchingFirst(
                List.of(
                        company("Alfa elektro", "electrical"),
                        company("Zeta výtahy", "lifts"),
                        company("Beta výtahy", "lifts", "electrical"),
                        company("Gama údržba")),
                ContractorCompany::groups,
                ContractorCompany::name,
                Set.of("lifts"));
        assertEquals(
                List.of("Beta výtahy", "Gama údržba", "Zeta výtahy", "Alfa elektro"),
                sorted.stream().map(ContractorCompany::name).toList());
    }

    @Test
    void aCompanyWithoutGroupsServesEveryTradeButNothingMatchesNoTrade() {
        assertTrue(AssignDialog.serves(Set.of(), Set.of("plumbing")));
        assertTrue(AssignDialog.serves(Set.of("plumbing", "heating"), Set.of("heating")));
        assertFalse(AssignDialog.serves(Set.of("lifts"), Set.of("heating")));
        assertFalse(AssignDialog.serves(Set.of("lifts"), Set.of()));
    }
}
