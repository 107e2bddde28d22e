package org.domus.tickets.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.domus.tickets.StatisticsCount;
import org.domus.tickets.TicketStatistics;
import org.junit.jupiter.api.Test;

class StatisticsTablesTest {

    @Test
    void theSummaryShowsCountsMedianAndOnTimeShareInTheLocale() {
        TicketStatistics s = new TicketStatistics(
                1234,
                400, // open
                800, // done
                34,
                (long) (2 * 24 * 60 + 3 * 60 + 15),
                0.875,
                List.of(),
                List.of(),
                List.of(),
                List.of());
        assertEquals(
                List.of("1,234", "800", "400", "34", "2 d 3 h 15 min", "87.5 %"),
                StatisticsTables.summary(s, Locale.ENGLISH, u -> u));
        List<String> czech = StatisticsTables.summary(s, Locale.forLanguageTag("cs"), u -> u);
        assertEquals("87,5 %", czech.get(5));
        assertEquals("1\u00a0234", czech.get(0));
    }

    @Test
    void nothingResolvedShowsNoMedianAndNoShare() {
        TicketStatistics s = new TicketStatistics(3, 3, 0, 0, null, null, List.of(), List.of(), List.of(), List.of());
        assertEquals(List.of("3", "0", "3", "0", "", ""), StatisticsTables.summary(s, Locale.ENGLISH, u -> u));
        assertEquals("45 min", StatisticsTables.duration(45L, u -> u));
        assertEquals("1 h 0 min", StatisticsTables.duration(60L, u -> u));
    }

    @Test
    void longBreakdownsKeepTheLargestAndSumTheRestSoTheTotalStays() {
        List<StatisticsCount> counts = List.of(
                new StatisticsCount("1", "A", 10),
                new StatisticsCount("2", "B", 7),
                new StatisticsCount("3", "C", 3),
                new StatisticsCount("4", "D", 2),
                new StatisticsCount("5", "E", 1));
        List<StatisticsCount> top = StatisticsTables.top(counts, 3, "Others");
        assertEquals(
                List.of("A", "B", "Others"),
                top.stream().map(StatisticsCount::label).toList());
        assertEquals(6, top.get(2).count());
        assertEquals(StatisticsTables.sum(counts), StatisticsTables.sum(top));
        assertEquals(counts, StatisticsTables.top(counts, 5, "Others"));
    }
}
