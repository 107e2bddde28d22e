package org.domus.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * A manual transaction to post: its lines must balance (debits = credits) in every currency.
 *
 * @param organisationId whose books
 * @param bookingDate the accounting date
 * @param description at most 200 characters
 * @param reference an external reference (document number), optional, at most 64 characters
 * @param lines at least two
 */
public record NewTransaction(
        long organisationId, LocalDate bookingDate, String description, String reference, List<PostingLine> lines) {

    public NewTransaction {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
