package org.domus.demo.internal.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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
    void theTicketsSpreadOverNinetyDaysWithOpenOnesRecentAndTheFormsAndAFewOthersToday() {
        List<Planned> plan = plan("CZ", TicketsDemoData.PORTAL);
        for (Planned p : plan) {
            assertTrue(p.daysAgo() >= 0 && p.daysAgo() < TicketPlan.DAYS, p.toString());
            if (p.source() == TicketSource.PUBLIC_FORM) {
                assertEquals(0, p.daysAgo(), p.toString());
                assertTrue(TicketPlan.FRESH.contains(p.target()), p.toString());
            }
            if (p.target() == TicketStatus.NEW || p.target() == TicketStatus.ACCEPTED) {
                assertTrue(p.daysAgo() <= 12, p.toString());
            }
        }
        long todayByTheOffice = plan.stream()
                .filter(p -> p.daysAgo() == 0 && p.source() != TicketSource.PUBLIC_FORM)
                .count();
        assertTrue(todayByTheOffice >= 1 && todayByTheOffice <= 15, "today: " + todayByTheOffice);
        assertTrue(
                plan.stream().filter(p -> p.target() == TicketStatus.CONFIRMED).anyMatch(p -> p.daysAgo() > 60));
    }

    @Test
    void ordinaryRepairsTakeDaysToWeeksAndUrgentOnesHours() {
        Random random = new Random(1);
        List<Duration> normal = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            normal.add(StepTimes.resolution(TicketPriority.NORMAL, random));
            Duration urgent = StepTimes.resolution(TicketPriority.URGENT, random);
            assertTrue(urgent.toHours() < 24, urgent.toString());
            Duration answer = StepTimes.response(TicketPriority.URGENT, random);
            assertTrue(answer.toMinutes() >= 10 && answer.toHours() <= 3, answer.toString());
        }
        assertTrue(normal.stream().allMatch(d -> d.toDays() >= 1 && d.toDays() <= 20));
        long beyondNineDays =
                normal.stream().filter(d -> d.toMinutes() > 9 * 24 * 60).count();
        assertTrue(beyondNineDays > 100 && beyondNineDays < 300, "slow repairs: " + beyondNineDays);
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
