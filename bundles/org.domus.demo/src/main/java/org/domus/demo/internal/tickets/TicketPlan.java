package org.domus.demo.internal.tickets;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.domus.demo.internal.tickets.TicketTexts.Problem;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;

/**
 * What the demo's tickets of one organisation will be, decided before anything is written: the problem, who
 * reports it and through which channel, its priority and how far through the workflow it gets. Every status
 * occurs (the first tickets take each one in turn), most tickets are finished and confirmed with a rating as
 * in a working office, a share came through the building's public form. The tickets are spread over the last
 * {@value #DAYS} days: finished ones anywhere in that time, open ones mostly from the last days or weeks (the
 * oldest of them overdue), a few reported today; the public form's reports are today's (the anonymous form
 * files at the moment of submission, so they are fresh: new, accepted, assigned or rejected).
 */
final class TicketPlan {

    /** How far back the tickets go. */
    static final int DAYS = 90;

    /**
     * One planned ticket. {@code rating} is set for confirmed tickets only; {@code daysAgo} is the day it was
     * reported (0 = today, in the organisation's zone).
     */
    record Planned(
            Problem problem,
            TicketSource source,
            TicketPriority priority,
            TicketStatus target,
            Integer rating,
            int daysAgo) {}

    /** The statuses a report can have reached on the day it came in. */
    static final Set<TicketStatus> FRESH =
            EnumSet.of(TicketStatus.NEW, TicketStatus.ACCEPTED, TicketStatus.ASSIGNED, TicketStatus.REJECTED);

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
                source = FRESH.contains(target) && random.nextInt(100) < 35
                        ? TicketSource.PUBLIC_FORM
                        : TicketSource.STAFF;
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
            int daysAgo = source == TicketSource.PUBLIC_FORM ? 0 : daysAgo(target, random);
            planned.add(new Planned(problem, source, priority, target, rating, daysAgo));
        }
        return planned;
    }

    /**
     * When a ticket that ends in {@code target} came in: the newest statuses mostly within days (a fifth of the
     * not yet forwarded ones today), work in progress within weeks, finished and closed ones any time.
     */
    static int daysAgo(TicketStatus target, Random random) {
        return switch (target) {
            case NEW, ACCEPTED -> random.nextInt(100) < 20
                    ? 0
                    : 1 + random.nextInt(target == TicketStatus.NEW ? 7 : 12);
            case ASSIGNED -> random.nextInt(100) < 20 ? 0 : 1 + random.nextInt(20);
            case IN_PROGRESS -> 2 + random.nextInt(24);
            case DONE -> 3 + random.nextInt(28);
            case REOPENED -> 10 + random.nextInt(36);
            case CONFIRMED, REJECTED, CANCELLED -> 4 + random.nextInt(DAYS - 4);
        };
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
