package org.domus.demo.internal.tickets;

import java.time.Duration;
import java.util.Random;
import org.domus.tickets.TicketPriority;

/**
 * How long the steps of a demo ticket take, as in a working office: the office answers urgent reports within
 * hours and ordinary ones within hours to days, contractors start within days and finish within days to weeks,
 * and now and then a repair drags on past its deadline (about one ordinary ticket in five), so the statistics
 * show a real median and on-time share.
 */
final class StepTimes {

    private StepTimes() {}

    /** From the report to the office's answer (accepted, rejected or cancelled). */
    static Duration response(TicketPriority priority, Random random) {
        return switch (priority) {
            case URGENT -> between(random, 10, 3 * 60);
            case HIGH -> between(random, 30, 10 * 60);
            case NORMAL -> random.nextInt(100) < 70 ? between(random, 60, 9 * 60) : between(random, 18 * 60, 4 * DAY);
            case LOW -> between(random, 4 * 60, 6 * DAY);
        };
    }

    /** From acceptance to forwarding to a contractor. */
    static Duration assignment(Random random) {
        return random.nextInt(100) < 60 ? between(random, 10, 4 * 60) : between(random, 4 * 60, 2 * DAY);
    }

    /** From forwarding to the office's feedback to the requester. */
    static Duration feedback(Random random) {
        return between(random, 5, 90);
    }

    /** From forwarding to the contractor's acceptance. */
    static Duration contractorAccepts(Random random) {
        return between(random, 15, DAY);
    }

    /** From the contractor's acceptance to the start of the work. */
    static Duration start(TicketPriority priority, Random random) {
        return priority == TicketPriority.URGENT ? between(random, 20, 4 * 60) : between(random, 2 * 60, 5 * DAY);
    }

    /** From the start to the first time logged. */
    static Duration work(Random random) {
        return between(random, 30, 6 * 60);
    }

    /** From the first time logged to done: hours for urgent repairs, days to weeks for the rest. */
    static Duration resolution(TicketPriority priority, Random random) {
        return switch (priority) {
            case URGENT -> between(random, 60, 20 * 60);
            case HIGH -> between(random, 4 * 60, 4 * DAY);
            case NORMAL -> random.nextInt(100) < 80
                    ? between(random, DAY, 9 * DAY)
                    : between(random, 9 * DAY, 20 * DAY);
            case LOW -> between(random, 2 * DAY, 25 * DAY);
        };
    }

    /** From done to the requester's confirmation. */
    static Duration confirmation(Random random) {
        return between(random, 3 * 60, 5 * DAY);
    }

    /** From done to the requester reopening the ticket. */
    static Duration reopening(Random random) {
        return between(random, 6 * 60, 7 * DAY);
    }

    /** From the report (or the acceptance) to a cancellation. */
    static Duration cancellation(Random random) {
        return between(random, 60, 10 * DAY);
    }

    private static final int DAY = 24 * 60;

    /** Uniformly between the bounds, in minutes. */
    private static Duration between(Random random, int fromMinutes, int toMinutes) {
        return Duration.ofMinutes(fromMinutes + random.nextInt(toMinutes - fromMinutes + 1));
    }
}
