package org.domus.tickets;

import java.util.List;

/**
 * The tickets after a bulk action (all changed, in the order asked).
 *
 * @param tickets the changed tickets
 */
public record BulkResult(List<Ticket> tickets) {

    public BulkResult {
        tickets = List.copyOf(tickets);
    }
}
