package org.domus.tickets;

import java.math.BigDecimal;

/**
 * What the anonymous public form sends (no login). The ticket is building-wide ({@link TicketArea#BUILDING}),
 * source {@link TicketSource#PUBLIC_FORM}, status NEW.
 *
 * @param categoryId an active category of the building's organisation
 * @param description what is wrong, 1..{@link PublicTickets#MAX_DESCRIPTION} characters
 * @param name optional name
 * @param contact optional e-mail or phone
 * @param latitude optional pin (near the building)
 * @param longitude optional pin
 */
public record PublicForm(
        long categoryId, String description, String name, String contact, BigDecimal latitude, BigDecimal longitude) {}
