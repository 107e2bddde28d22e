package org.domus.tickets;

import java.util.List;

/**
 * Figures for the tickets matching a {@link TicketQuery} (paging ignored) in the subject's scope.
 *
 * @param total all matching tickets
 * @param open tickets not DONE and not final
 * @param done DONE and CONFIRMED
 * @param overdue tickets with either deadline missed
 * @param medianMinutesToResolve median minutes from creation to (last) DONE over resolved tickets, null when
 *     none is resolved
 * @param onTimeRatio resolved on time / resolved (0..1), null when none is resolved
 * @param perBuilding counts per building, largest first
 * @param perCategory counts per category, largest first
 * @param perCompany counts per assigned company ({@code none}: not assigned), largest first
 * @param perStatus counts per status, in workflow order, zeros left out
 */
public record TicketStatistics(
        long total,
        long open,
        long done,
        long overdue,
        Long medianMinutesToResolve,
        Double onTimeRatio,
        List<StatisticsCount> perBuilding,
        List<StatisticsCount> perCategory,
        List<StatisticsCount> perCompany,
        List<StatisticsCount> perStatus) {

    public TicketStatistics {
        perBuilding = List.copyOf(perBuilding);
        perCategory = List.copyOf(perCategory);
        perCompany = List.copyOf(perCompany);
        perStatus = List.copyOf(perStatus);
    }
}
