package org.domus.tickets;

import java.time.Instant;

/**
 * A building's public form code (random, unguessable), printable on a sticker in the lift.
 *
 * @param buildingId the building
 * @param code the code (URL-safe)
 * @param createdAt when it was created or last rotated
 */
public record BuildingCode(long buildingId, String code, Instant createdAt) {}
