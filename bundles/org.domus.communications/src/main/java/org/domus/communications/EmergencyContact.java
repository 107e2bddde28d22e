package org.domus.communications;

/**
 * An emergency number: whom to call when the lift is stuck, water leaks or gas smells.
 *
 * @param id database id, 0 for a new one
 * @param organisationId the organisation (given by the scope; ignored on input)
 * @param scope the buildings it is for; a building's number of a kind replaces wider ones of the same kind
 * @param kind what it is for
 * @param company who answers, e.g. the lift company or the gas distributor
 * @param phone the number to call (short numbers such as 1239 allowed)
 * @param note a note, e.g. "non-stop", optional
 * @param version optimistic-lock version; send back the one you read
 */
public record EmergencyContact(
        long id,
        long organisationId,
        ContactScope scope,
        EmergencyKind kind,
        String company,
        String phone,
        String note,
        long version) {}
