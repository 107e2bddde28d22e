package org.domus.ledger.payment;

import java.util.List;
import java.util.Objects;

/**
 * A payment calendar to render.
 *
 * @param language the resident's language ({@code en}, {@code cs}, {@code pl}, {@code ro}; others get English)
 * @param name the calendar's display name ({@code X-WR-CALNAME}), optional: a translated default otherwise
 * @param uidDomain a stable name of this installation (such as its public host name), the right-hand side of
 *     every event UID ({@code ledger-due-<unitId>-<yyyyMM>@<uidDomain>}); keep it unchanged, or calendars
 *     that subscribed show every due date twice
 * @param dues the due dates, at most one per unit and month
 */
public record PaymentCalendarFeed(String language, String name, String uidDomain, List<PaymentDue> dues) {

    public PaymentCalendarFeed {
        Objects.requireNonNull(uidDomain, "uidDomain");
        if (uidDomain.isBlank() || !uidDomain.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("uidDomain must be a host-like name, not '" + uidDomain + "'");
        }
        dues = List.copyOf(dues);
    }
}
