package org.domus.tickets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A ticket as the subject may see it. For a resident looking at someone else's building-wide ticket the
 * requester's identity and contacts ({@code requesterAccountId}, {@code requesterName}, {@code contactEmail},
 * {@code contactPhone}) are null.
 *
 * @param id database id
 * @param reference per organisation and year, e.g. {@code T-2026-000123}
 * @param organisationId the organisation (always set)
 * @param estateId the estate (always set)
 * @param buildingId the building (always set)
 * @param unitId the unit, set for {@link TicketArea#UNIT} only
 * @param address the building's address when the ticket was submitted
 * @param street the building's street (the lists' street filter)
 * @param area unit, building or common area
 * @param categoryId the category
 * @param categoryName the category's name
 * @param group the category's trade group (plumbing, electrical, ...)
 * @param priority the priority that set the deadlines
 * @param title a short title (the start of the description when none was given)
 * @param description what is wrong
 * @param status where it is in the workflow
 * @param source portal, public form or staff
 * @param requesterAccountId the requester's account, null for the public form (or hidden)
 * @param requesterName the requester's name as given (or hidden)
 * @param contactEmail contact e-mail (or hidden)
 * @param contactPhone contact phone (or hidden)
 * @param contactPreference how the requester wants to be contacted
 * @param latitude the pin's WGS 84 latitude, optional
 * @param longitude the pin's WGS 84 longitude, optional
 * @param visitFrom start of the proposed visit (organisation's local time), optional
 * @param visitTo end of the proposed visit, optional
 * @param companyId the contractor company it is assigned to, or null
 * @param companyName that company's name
 * @param workerId the worker, or null
 * @param workerName that worker's name
 * @param assignedAt when it was (last) assigned
 * @param assignmentAcceptedAt when the contractor accepted the (last) assignment
 * @param responseDue first response (accept or reject) due
 * @param resolutionDue resolution (DONE) due
 * @param respondedAt first ACCEPTED or REJECTED
 * @param resolvedAt (last) DONE
 * @param confirmedAt CONFIRMED
 * @param createdAt submitted
 * @param updatedAt last change
 * @param responseOverdue no response yet and the response deadline has passed (or responded late)
 * @param resolutionOverdue not resolved and the resolution deadline has passed
 * @param doneOnTime set when DONE: whether resolved by the resolution deadline
 * @param minutesSpent time spent, summed from the contractor's work entries
 * @param rating the requester's rating 1..5 (on CONFIRMED), or null
 * @param ratingComment the requester's comment with the rating
 * @param version optimistic-lock version; changes pass it back
 */
public record Ticket(
        long id,
        String reference,
        long organisationId,
        long estateId,
        long buildingId,
        Long unitId,
        String address,
        String street,
        TicketArea area,
        long categoryId,
        String categoryName,
        String group,
        TicketPriority priority,
        String title,
        String description,
        TicketStatus status,
        TicketSource source,
        Long requesterAccountId,
        String requesterName,
        String contactEmail,
        String contactPhone,
        ContactPreference contactPreference,
        BigDecimal latitude,
        BigDecimal longitude,
        LocalDateTime visitFrom,
        LocalDateTime visitTo,
        Long companyId,
        String companyName,
        Long workerId,
        String workerName,
        Instant assignedAt,
        Instant assignmentAcceptedAt,
        Instant responseDue,
        Instant resolutionDue,
        Instant respondedAt,
        Instant resolvedAt,
        Instant confirmedAt,
        Instant createdAt,
        Instant updatedAt,
        boolean responseOverdue,
        boolean resolutionOverdue,
        Boolean doneOnTime,
        long minutesSpent,
        Integer rating,
        String ratingComment,
        long version) {

    /** Either deadline missed. */
    public boolean overdue() {
        return responseOverdue || resolutionOverdue;
    }
}
