package org.domus.communications;

import java.time.LocalDate;
import java.util.List;

/**
 * An office of an organisation where residents can come, call or write, with its weekly opening hours. It is
 * closed on the public holidays of the organisation's country and on its own {@code closedDays}.
 *
 * @param id database id, 0 for a new one
 * @param organisationId the organisation (given by the scope; ignored on input)
 * @param scope the buildings it serves
 * @param name the office's name, e.g. "Kancelář družstva"
 * @param address where it is, optional
 * @param phone phone number, optional
 * @param email e-mail address, optional
 * @param hours weekly opening hours, non-overlapping intervals
 * @param closedDays extra days the office is closed (holidays of the staff, say)
 * @param note a note for visitors ("closed in August", "by appointment"), optional
 * @param version optimistic-lock version; send back the one you read
 */
public record Office(
        long id,
        long organisationId,
        ContactScope scope,
        String name,
        String address,
        String phone,
        String email,
        List<OpeningHours> hours,
        List<LocalDate> closedDays,
        String note,
        long version) {

    public Office {
        hours = hours == null ? List.of() : List.copyOf(hours);
        closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
    }
}
