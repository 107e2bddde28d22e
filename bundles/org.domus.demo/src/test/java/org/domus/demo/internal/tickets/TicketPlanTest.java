package org.domus.demo.internal.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.domus.demo.internal.tickets.TicketPlan.Planned;
import org.domus.demo.internal.tickets.TicketTexts.CategoryText;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

class TicketPlanTest {

    private static List<Planned> plan(String country, int portal) {
        return TicketPlan.plan(TicketTexts.PROBLEMS.get(country), TicketsDemoData.TICKETS, portal, new Random(42));
    }

    @Test
    void everyStatusOccursAndMostTicketsAreConfirmedWithARating() {
        List<Planned> plan = plan("CZ", TicketsDemoData.PORTAL);
        assertEquals(TicketsDemoData.TICKETS, plan.size());
        Map<TicketStatus, Integer> counts = new EnumMap<>(TicketStatus.class);
        plan.forEach(p -> counts.merge(p.target(), 1, Integer::sum));
        assertEquals(EnumSet.allOf(TicketStatus.class), counts.keySet(), counts.toString());
        int confirmed = counts.get(TicketStatus.CONFIRMED);
        assertTrue(confirmed > plan.size() / 4 && confirmed < plan.size() / 2, counts.toString());
        for (Planned p : plan) {
            if (p.target() == TicketStatus.CONFIRMED) {
                assertNotNull(p.rating());
                assertTrue(p.rating() >= 1 && p.rating() <= 5);
            } else {
                assertNull(p.rating());
            }
        }
    }

    @Test
    void thePublicFormTakesBuildingWideProblemsAndTheResidentNeverChoosesUrgent() {
        List<Planned> plan = plan("PL", TicketsDemoData.PORTAL);
        long publicForm = plan.stream()
                .filter(p -> p.source() == TicketSource.PUBLIC_FORM)
                .count();
        assertTrue(publicForm >= 5 && publicForm <= 35, "public form tickets: " + publicForm);
        assertEquals(
                TicketsDemoData.PORTAL,
                plan.stream().filter(p -> p.source() == TicketSource.PORTAL).count());
        for (Planned p : plan) {
            if (p.source() == TicketSource.PUBLIC_FORM) {
                assertTrue(p.problem().area() != TicketArea.UNIT, p.toString());
            }
            if (p.source() == TicketSource.PORTAL) {
                assertTrue(p.priority() != TicketPriority.URGENT, p.toString());
            }
        }
        assertTrue(plan.stream().anyMatch(p -> p.priority() == TicketPriority.URGENT));
        assertEquals(
                0,
                plan("RO", 0).stream()
                        .filter(p -> p.source() == TicketSource.PORTAL)
                        .count());
    }

    @Test
    void eachCountryHasItsCategoriesCompaniesAndProblemsForEveryGroupInItsLanguage() {
        for (String country : List.of("CZ", "PL", "RO")) {
            Set<String> groups = new HashSet<>();
            TicketTexts.CATEGORIES.get(country).forEach(c -> groups.add(c.group()));
            assertEquals(Set.copyOf(TicketTexts.GROUPS), groups, country);
            Set<String> served = new HashSet<>();
            TicketTexts.COMPANIES.get(country).forEach(c -> served.addAll(c.groups()));
            assertEquals(Set.copyOf(TicketTexts.GROUPS), served, country + ": every group has a company");
            Set<String> reported = new HashSet<>();
            TicketTexts.PROBLEMS.get(country).forEach(p -> reported.add(p.group()));
            assertEquals(Set.copyOf(TicketTexts.GROUPS), reported, country + ": problems of every group");
            assertEquals(
                    TicketTexts.CATEGORIES.get("CZ").stream()
                            .map(CategoryText::code)
                            .toList(),
                    TicketTexts.CATEGORIES.get(country).stream()
                            .map(CategoryText::code)
                            .toList(),
                    "the same codes in every country");
        }
        // local language, not English: the characters only these languages write
        assertTrue(
                TicketTexts.PROBLEMS.get("CZ").stream().anyMatch(p -> p.title().matches(".*[ěščřžůý].*")));
        assertTrue(
                TicketTexts.PROBLEMS.get("PL").stream().anyMatch(p -> p.title().matches(".*[ąęłńśźż].*")));
        assertTrue(
                TicketTexts.PROBLEMS.get("RO").stream().anyMatch(p -> p.title().matches(".*[ăâîșț].*")));
    }
}
