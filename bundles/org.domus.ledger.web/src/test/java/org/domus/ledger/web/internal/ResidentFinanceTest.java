package org.domus.ledger.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.access.RegistryScope;
import org.domus.ledger.internal.statement.UnitDocumentsImpl;
import org.junit.jupiter.api.Test;

/**
 * A resident's downloads are decided before anything is read: another unit is NOT_FOUND. The ledger,
 * registry and renderers are absent here (null), so any read before the check would fail differently.
 */
class ResidentFinanceTest {

    private static final long MINE = 7;
    private static final long OTHER = 8;

    /** A policy where the subject lives in unit {@link #MINE} only and holds no staff permission. */
    private static final AccessPolicy POLICY = new AccessPolicy() {
        @Override
        public boolean isGranted(Subject subject, Permission permission) {
            return false;
        }

        @Override
        public RegistryScope residentScope(Subject subject) {
            return RegistryScope.units(Set.of(MINE));
        }
    };

    private final ResidentFinance finance = new ResidentFinance(
            null,
            null,
            null,
            null,
            null,
            POLICY,
            new UnitDocumentsImpl(null, null, null, null, POLICY, null, null, null, Clock.systemUTC()),
            Clock.systemUTC());
    private final Subject me = Subject.of(42, "resident", "Resident", Locale.ENGLISH, Set.of());

    @Test
    void anotherUnitsStatementCalendarAndComponentsAreNotFound() {
        YearMonth now = YearMonth.now();
        DomusException statement =
                assertThrows(DomusException.class, () -> finance.statementPdf(me, OTHER, now, now, Locale.ENGLISH));
        assertEquals(DomusException.Kind.NOT_FOUND, statement.kind());
        assertEquals("ledger.unit.not-found", statement.messageKey());
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> finance.calendar(me, OTHER, Locale.ENGLISH, "domus"))
                        .kind());
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> finance.components(me, OTHER))
                        .kind());
    }

    @Test
    void aStatementPeriodRunningBackwardsIsRefusedWithATranslatedKey() {
        YearMonth now = YearMonth.now();
        DomusException refused = assertThrows(
                DomusException.class, () -> finance.statementPdf(me, MINE, now, now.minusMonths(1), Locale.ENGLISH));
        assertEquals(DomusException.Kind.INVALID, refused.kind());
        assertEquals("ledger.turnover.range.invalid", refused.messageKey());
    }

    @Test
    void onlyAPositiveBalanceIsDue() {
        assertEquals(new BigDecimal("12.30"), ResidentFinance.due(new BigDecimal("12.30")));
        assertEquals(new BigDecimal("0.00"), ResidentFinance.due(new BigDecimal("-5.00")));
        assertEquals(new BigDecimal("0.00"), ResidentFinance.due(new BigDecimal("0.00")));
    }
}
