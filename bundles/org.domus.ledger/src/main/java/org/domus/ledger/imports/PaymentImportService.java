package org.domus.ledger.imports;

import org.domus.core.Subject;

/**
 * Imports bank statements of an organisation's account as payments: every credit line is matched to a unit
 * of the organisation by its variable symbol (CZ), virtual account (PL) or payment reference and posted as
 * that unit's payment.
 *
 * <p>Both operations need {@code ledger.post} on the whole organisation (a statement pays into any of its
 * units); a refusal, an empty, unreadable or too large file throws a {@link org.domus.core.DomusException}
 * with a {@code ledger.import.*} or access message key, and nothing is written.
 *
 * <p>Applying is all or nothing (one database transaction with the import's own records) and idempotent:
 * a line posted by an earlier import (the bank's transaction id, or the same line of the same or an
 * overlapping statement) is {@link ImportLineStatus#DUPLICATE} and never posted twice, and {@link
 * ImportReport#previousImports()} names earlier imports of the same file.
 */
public interface PaymentImportService {

    /** Largest file accepted, in bytes. */
    int MAX_BYTES = 5 * 1024 * 1024;

    /** Most lines in one file. */
    int MAX_LINES = 20_000;

    /**
     * What {@link #apply} would do with the file now; writes nothing.
     *
     * @param format the file's format, or null to recognise it by its first bytes
     */
    ImportReport preview(Subject actor, long organisationId, byte[] file, StatementFormat format);

    /**
     * Posts the matched lines as payments in one transaction. Unless {@code onlyMatched}, a file with any
     * unmatched or unreadable credit line is refused as a whole ({@code ledger.import.incomplete}); debit lines
     * are never imported and never refuse a file.
     *
     * @param format the file's format, or null to recognise it by its first bytes
     * @param onlyMatched post the matched lines even if others cannot be imported
     */
    ImportReport apply(Subject actor, long organisationId, byte[] file, StatementFormat format, boolean onlyMatched);
}
