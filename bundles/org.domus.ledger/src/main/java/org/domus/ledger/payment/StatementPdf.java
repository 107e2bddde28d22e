package org.domus.ledger.payment;

/** Renders statements of account as PDF. A service of the ledger bundle, stateless and thread-safe. */
public interface StatementPdf {

    /**
     * An A4 PDF in the statement's language: header (organisation, unit, holder, period, issue date), the
     * opening balance, one row per line over as many pages as needed (the table header repeats, every page
     * says "page n of m"), totals, the closing balance and, when something is due, the amount, due date and
     * payment details with the payment QR code of the currency's standard. Text is embedded in Liberation
     * Sans, so Czech, Polish and Romanian letters print and can be searched and copied.
     *
     * @throws org.domus.core.registry.InvalidFieldsException when the statement's payment order is refused
     *     by its QR standard (a misconfigured bank account shows up here rather than as a missing code)
     */
    byte[] render(Statement statement);
}
