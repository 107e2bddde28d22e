package org.domus.tickets;

import java.time.Instant;

/**
 * The answer to an anonymous submission.
 *
 * @param reference the ticket's reference to quote when calling the office
 * @param photoToken a one-time token to upload one photo with ({@link PublicTickets#attachPhoto})
 * @param photoTokenExpires when the token stops working
 */
public record PublicSubmission(String reference, String photoToken, Instant photoTokenExpires) {}
