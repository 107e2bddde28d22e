package org.domus.tickets.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.domus.tickets.StatisticsCount;
import org.domus.tickets.TicketStatistics;

/**
 * The statistics view's figures as text and its breakdowns as chart data, kept apart from the components so
 * that they are tested without a server.
 */
final class StatisticsTables {

    private StatisticsTables() {}

    /** Median minutes as days, hours and minutes ({@code 2 d 3 h 15 min}); empty when nothing was resolved. */
    static String duration(Long minutes, Function<String, String> unitText) {
        if (minutes == null) {
            return "";
        }
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(' ').append(unitText.apply("d")).append(' ');
        }
        if (days > 0 || hours > 0) {
            text.append(hours).append(' ').append(unitText.apply("h")).append(' ');
        }
        text.append(rest).append(' ').append(unitText.apply("min"));
        return text.toString();
    }

    /** A ratio 0..1 as a percentage with one decimal in the locale ({@code 87.5 %}); empty when null. */
    static String percent(Double ratio, Locale locale) {
        if (ratio == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(BigDecimal.valueOf(ratio * 100).setScale(1, RoundingMode.HALF_UP)) + " %";
    }

    /** The labels of a breakdown (at most {@code max} bars: the largest, the rest summed as {@code others}). */
    static List<StatisticsCount> top(List<StatisticsCount> counts, int max, String others) {
        if (counts.size() <= max) {
            return counts;
        }
        long rest = counts.subList(max - 1, counts.size()).stream()
                .mapToLong(StatisticsCount::count)
                .sum();
        List<StatisticsCount> top = new java.util.ArrayList<>(counts.subList(0, max - 1));
        top.add(new StatisticsCount("others", others, rest));
        return top;
    }

    /** The sum of a breakdown's counts: each breakdown of the same statistics adds up to its total. */
    static long sum(List<StatisticsCount> counts) {
        return counts.stream().mapToLong(StatisticsCount::count).sum();
    }

    /** The figures of the summary in order: total, done, open, overdue, median time to resolve, on time. */
    static List<String> summary(TicketStatistics s, Locale locale, Function<String, String> unitText) {
        NumberFormat n = NumberFormat.getIntegerInstance(locale);
        return List.of(
                n.format(s.total()),
                n.format(s.done()),
                n.format(s.open()),
                n.format(s.overdue()),
                duration(s.medianMinutesToResolve(), unitText),
                percent(s.onTimeRatio(), locale));
    }
}
