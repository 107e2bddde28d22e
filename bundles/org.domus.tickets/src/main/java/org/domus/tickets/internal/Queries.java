package org.domus.tickets.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.domus.tickets.TicketQuery;

/** Small helpers around {@link TicketQuery}. */
final class Queries {

    private Queries() {}

    /** The same query, overdue tickets only. */
    static TicketQuery overdue(TicketQuery q) {
        return new TicketQuery(
                q.organisationId(),
                q.estateId(),
                q.buildingId(),
                q.street(),
                q.categoryId(),
                q.group(),
                q.companyId(),
                q.workerId(),
                q.statuses(),
                Boolean.TRUE,
                q.source(),
                q.createdFrom(),
                q.createdTo(),
                q.assignedFrom(),
                q.assignedTo(),
                q.assignedOnly(),
                q.text(),
                q.sort(),
                q.descending(),
                q.offset(),
                q.limit());
    }

    /** The median (for an even count the mean of the two middle values, rounded down), null for none. */
    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
