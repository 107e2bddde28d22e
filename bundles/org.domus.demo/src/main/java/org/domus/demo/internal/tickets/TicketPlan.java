package org.domus.demo.internal.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.domus.demo.internal.tickets.TicketTexts.Problem;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;

/**
 * What the demo's tickets of one organisation will be, decided before anything is written: the problem, who
 * reports it and through which channel, its priority and how far through the workflow it gets. Every status
 * occurs (the first tickets take each one in turn), most tickets are finished and confirmed with a rating as
 * in a working office, a share came through the building's public form.
 */
final class TicketPlan {

    /** One planned ticket. {@code rating} is set for confirmed tickets only. */
    record Planned(
            Problem problem, TicketSource source, TicketPriority priority, TicketStatus target, Integer rating) {}

    /** Weights of the statuses the tickets end in (out of 100). */
    private static final List<Weighted> TARGETS = List.of(
            new Weighted(TicketStatus.NEW, 9),
            new Weighted(TicketStatus.ACCEPTED, 7),
            new Weighted(TicketStatus.ASSIGNED, 10),
            new Weighted(TicketStatus.IN_PROGRESS, 8),
            new Weighted(TicketStatus.DONE, 10),
            new Weighted(TicketStatus.CONFIRMED, 40),
            new Weighted(TicketStatus.REOPENED, 4),
            new Weighted(TicketStatus.REJECTED, 6),
            new Weighted(TicketStatus.CANCELLED, 6));

    private record Weighted(TicketStatus status, int weight) {}

    private TicketPlan() {}

    /**
     * @param problems the country's problems
     * @param count how many tickets
     * @param portal how many of them the demo resident reports through the portal (0 without one)
     */
    static List<Planned> plan(List<Problem> problems, int count, int portal, Random random) {
        List<Problem> buildingWide =
                problems.stream().filter(p -> p.area() != TicketArea.UNIT).toList();
        List<Planned> planned = new ArrayList<>();
        TicketStatus[] all = TicketStatus.values();
        for (int i = 0; i < count; i++) {
            TicketStatus target = i < all.length ? all[i] : pick(random);
            TicketSource source;
            if (i >= all.length && i < all.length + portal) {
                source = TicketSource.PORTAL;
            } else {
                source = random.nextInt(100) < 12 ? TicketSource.PUBLIC_FORM : TicketSource.STAFF;
            }
            // The public form is for building-wide problems only.
            Problem problem = source == TicketSource.PUBLIC_FORM
                    ? buildingWide.get(random.nextInt(buildingWide.size()))
                    : problems.get(random.nextInt(problems.size()));
            TicketPriority priority;
            int roll = random.nextInt(100);
            if (problem.group().equals("lifts") && roll < 40) {
                priority = TicketPriority.URGENT;
            } else if (roll < 15) {
                priority = TicketPriority.HIGH;
            } else if (roll < 25) {
                priority = TicketPriority.LOW;
            } else {
                priority = TicketPriority.NORMAL;
            }
            if (source == TicketSource.PORTAL && priority == TicketPriority.URGENT) {
                priority = TicketPriority.HIGH; // residents may not choose URGENT: staff raise it
            }
            Integer rating = target == TicketStatus.CONFIRMED ? rating(random) : null;
            planned.add(new Planned(problem, source, priority, target, rating));
        }
        return planned;
    }

    /** Mostly content requesters: 5 and 4 stars, now and then a 3, rarely worse. */
    private static int rating(Random random) {
        int roll = random.nextInt(100);
        return roll < 50 ? 5 : roll < 80 ? 4 : roll < 92 ? 3 : roll < 97 ? 2 : 1;
    }

    private static TicketStatus pick(Random random) {
        int roll = random.nextInt(100);
        for (Weighted w : TARGETS) {
            roll -= w.weight();
            if (roll < 0) {
                return w.status();
            }
        }
        return TicketStatus.CONFIRMED;
    }
}
