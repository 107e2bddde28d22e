package org.domus.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A posted transaction with its postings (which sum to zero per currency).
 *
 * @param id database id
 * @param organisationId whose books
 * @param kind why it was posted
 * @param bookingDate the accounting date
 * @param description what it is
 * @param reference external reference, or null
 * @param reversesId the transaction this one reverses, or null
 * @param reversedById the transaction that reversed this one, or null
 * @param billingRunId the billing run it belongs to, or null
 * @param createdAt when it was posted (UTC)
 * @param actorId who posted it (null for the system)
 * @param actorLogin the login of who posted it
 * @param postings its postings, in order
 */
public record LedgerTransaction(
        long id,
        long organisationId,
        TransactionKind kind,
        LocalDate bookingDate,
        String description,
        String reference,
        Long reversesId,
        Long reversedById,
        Long billingRunId,
        Instant createdAt,
        Long actorId,
        String actorLogin,
        List<Posting> postings) {

    public LedgerTransaction {
        postings = postings == null ? List.of() : List.copyOf(postings);
    }
}
