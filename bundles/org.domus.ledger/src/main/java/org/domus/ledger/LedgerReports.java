package org.domus.ledger;

import java.time.YearMonth;
import org.domus.core.Subject;
import org.domus.core.registry.Page;

/**
 * Lists and reports over many units for staff holding {@link LedgerPermissions#READ}: the arrears list and
 * the board's transparency report. They are read from the accounts' running balances and monthly sums, so
 * they stay fast on large books.
 */
public interface LedgerReports {

    /** The largest page of arrears (a download takes all rows up to this). */
    int MAX_ARREARS = 100_000;

    /** The longest transparency report, in months. */
    int MAX_REPORT_MONTHS = 120;

    /**
     * The units in the subject's ledger scope that owe money, filtered and sorted as asked; units with a
     * credit or a zero balance never appear.
     *
     * @throws org.domus.core.DomusException FORBIDDEN for subjects without ledger.read (residents included),
     *     or a filter entirely outside their scope; NOT_FOUND for an unknown organisation, estate or building;
     *     INVALID for bad paging
     */
    Page<Arrear> arrears(Subject subject, ArrearsQuery query);

    /**
     * The organisation's monthly income and expense summary from {@code from} to {@code to}.
     *
     * @throws org.domus.core.DomusException FORBIDDEN without ledger.read on the whole organisation (staff
     *     scoped to an estate or building included); NOT_FOUND for an unknown organisation or to residents;
     *     INVALID for a reversed or too long range
     */
    TransparencyReport transparency(Subject subject, long organisationId, YearMonth from, YearMonth to);
}
