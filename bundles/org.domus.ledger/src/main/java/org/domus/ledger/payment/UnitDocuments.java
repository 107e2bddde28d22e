package org.domus.ledger.payment;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.domus.core.Subject;

/**
 * The documents of one unit's account, assembled from the ledger and the registry in one place so that
 * REST and the web views give the same answer: the statement of account as a PDF ({@link StatementPdf})
 * and the payment calendar as iCalendar ({@link PaymentCalendar}), and the payment QR code of the
 * amount due. Texts come from the ledger's statement
 * catalogs. A service of the ledger bundle, stateless and thread-safe.
 *
 * <p>Access is checked first: the subject's current units, or a unit in the scope of a staff grant of
 * {@code ledger.read}; otherwise NOT_FOUND ({@code ledger.unit.not-found}) to subjects without such a
 * grant (residents, no existence leak) and FORBIDDEN to staff outside their scope. The ledger services
 * check again with the same subject; registry facts printed (organisation, address, holder) are read only
 * after that.
 *
 * @since 0.3
 */
public interface UnitDocuments {

    /** Languages statements and calendars are printed in; others get English. */
    List<String> LANGUAGES = List.of("en", "cs", "pl", "ro");

    /**
     * The statement of the months {@code from}..{@code to} as a PDF: the opening balance, one line per
     * posting booked in the period, the closing balance and, when something is due, the amount with its
     * payment details and QR code (printed only when the data the code needs exists and its standard
     * accepts it; a statement is never refused for want of a code).
     *
     * @param language {@code en}, {@code cs}, {@code pl} or {@code ro}; others (and null) get English
     * @throws org.domus.core.DomusException INVALID ({@code ledger.turnover.range.invalid}) when the period
     *     runs backwards or is longer than 120 months; NOT_FOUND or FORBIDDEN as above
     * @throws IllegalStateException when the postings and the turnover sheet disagree (never printed)
     */
    byte[] statementPdf(Subject actor, long unitId, YearMonth from, YearMonth to, String language);

    /**
     * The payment calendar of the unit: one due date per month with open charges, the last day of the
     * billed month, with what of that month is still open.
     *
     * @param language as for {@link #statementPdf}
     * @param uidDomain the right-hand side of the event UIDs (see {@link PaymentCalendarFeed})
     */
    String calendar(Subject actor, long unitId, String language, String uidDomain);

    /**
     * The payment QR code of what the unit owes now (its debt, see {@code UnitBalance#debt}), with the unit's
     * label as the payment message: empty when nothing is due, the unit has no book currency yet, or the
     * registry lacks what the currency's standard needs or the standard refuses it (a currency without a
     * standard included). Never refused for want of a code.
     *
     * @param language the language of the payment message, as for {@link #statementPdf}
     */
    Optional<PaymentQr> amountDueQr(Subject actor, long unitId, String language);
}
