package org.domus.tickets;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A ticket to submit (resident through the portal, or staff on someone's behalf).
 *
 * @param area unit, building or common area
 * @param unitId the unit for {@link TicketArea#UNIT} (a resident: one of their current units)
 * @param buildingId the building for BUILDING and COMMON_AREA (derived from the unit for UNIT)
 * @param categoryId an active category of the building's organisation
 * @param priority optional; NORMAL when null
 * @param title optional short title, at most 200 characters
 * @param description what is wrong, 1..4000 characters
 * @param contactName optional; the account's display name when null
 * @param contactEmail optional contact e-mail
 * @param contactPhone optional contact phone
 * @param contactPreference how to contact the requester (APP when null)
 * @param latitude optional pin; with longitude; must be near the building when it has coordinates
 * @param longitude optional pin
 * @param visitFrom optional proposed visit start (organisation's local time), not in the past
 * @param visitTo optional proposed visit end, after {@code visitFrom}
 */
public record NewTicket(
        TicketArea area,
        Long unitId,
        Long buildingId,
        long categoryId,
        TicketPriority priority,
        String title,
        String description,
        String contactName,
        String contactEmail,
        String contactPhone,
        ContactPreference contactPreference,
        BigDecimal latitude,
        BigDecimal longitude,
        LocalDateTime visitFrom,
        LocalDateTime visitTo) {}
