package org.domus.tickets;

import org.domus.core.Subject;

/**
 * The anonymous form reached through a building's public code, and the codes themselves. Submissions are
 * limited per client address and per code by the platform's rate limiter (PID {@code org.domus.tickets}:
 * {@code public.perAddressPerHour}, default 5, {@code public.perCodePerDay}, default 50); an exceeded limit is
 * {@code tickets.public.rate-limited} carrying the seconds to wait.
 */
public interface PublicTickets {

    /** Longest description the public form takes. */
    int MAX_DESCRIPTION = 2000;

    /** The building's address and categories for the code; NOT_FOUND for an unknown or rotated code. */
    PublicBuilding building(String code);

    /**
     * Files an anonymous ticket (area BUILDING, source PUBLIC_FORM, status NEW).
     *
     * @param clientAddress the caller's address for the rate limit
     */
    PublicSubmission submit(String code, PublicForm form, String clientAddress);

    /**
     * Adds the one photo the submission's token allows; the token is spent even when the photo is refused (one
     * attempt per report: the token cannot be used to send file after file).
     */
    Attachment attachPhoto(String token, String name, byte[] content);

    /**
     * Checks a photo exactly as {@link #attachPhoto} would, storing nothing: the public form checks the photo
     * when it is chosen, before the report is filed.
     */
    void checkPhoto(String name, byte[] content);

    /** The building's code (MANAGE on the building); created on first ask. */
    BuildingCode code(Subject subject, long buildingId);

    /** Replaces the building's code (the old one stops working). */
    BuildingCode rotateCode(Subject subject, long buildingId);
}
