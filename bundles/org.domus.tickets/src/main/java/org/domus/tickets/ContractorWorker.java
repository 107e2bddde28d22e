package org.domus.tickets;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A worker of a contractor company. A worker linked to a user account (role CONTRACTOR or TECHNICIAN) sees
 * the tickets assigned to the company (filtered to the worker's groups or to the worker in the queue).
 *
 * @param id database id, 0 for a new one
 * @param companyId the company
 * @param name the worker's name
 * @param phone phone, optional
 * @param email e-mail, optional
 * @param groups the trades the worker serves (empty: all of the company's)
 * @param accountId the linked user account, optional
 * @param sharesPosition whether the worker's last position is shown to managers (map)
 * @param latitude last reported latitude (only when shared)
 * @param longitude last reported longitude (only when shared)
 * @param positionAt when the position was reported
 * @param active inactive workers get no new assignments
 * @param version optimistic-lock version
 */
public record ContractorWorker(
        long id,
        long companyId,
        String name,
        String phone,
        String email,
        Set<String> groups,
        Long accountId,
        boolean sharesPosition,
        BigDecimal latitude,
        BigDecimal longitude,
        Instant positionAt,
        boolean active,
        long version) {

    public ContractorWorker {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
