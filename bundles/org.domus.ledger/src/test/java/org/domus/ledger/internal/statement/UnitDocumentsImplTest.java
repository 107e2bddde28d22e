package org.domus.ledger.internal.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.Permission;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.access.ScopeType;
import org.junit.jupiter.api.Test;

/**
 * Who may have a unit's statement and calendar, decided before anything is read: the ledger, registry and
 * renderers are absent here (null), so any read before the check would fail differently.
 */
class UnitDocumentsImplTest {

    private static final long MINE = 7;
    private static final long OTHER = 8;
    private static final long ELSEWHERE = 9;

    /** Residents live in {@link #MINE}; the staff account reads the ledger of {@link #OTHER} only. */
    private static final AccessPolicy POLICY = new AccessPolicy() {
        @Override
        public boolean isGranted(Subject subject, Permission permission) {
            return false;
        }

        @Override
        public RegistryScope residentScope(Subject subject) {
            return subject.accountId() == 42 ? RegistryScope.units(Set.of(MINE)) : RegistryScope.nothing();
        }

        @Override
        public RegistryScope registryScope(Subject subject, Permission permission) {
            return subject.accountId() == 43 && "ledger.read".equals(permission.name())
                    ? RegistryScope.units(Set.of(OTHER))
                    : RegistryScope.nothing();
        }

        @Override
        public Optional<RegistryLocation> locate(ScopeType kind, long id) {
            return Optional.of(new RegistryLocation(1, null, null, id));
        }
    };

    private final UnitDocumentsImpl documents =
            new UnitDocumentsImpl(null, null, null, null, POLICY, null, null, null, Clock.systemUTC());
    private final Subject resident = Subject.of(42, "resident", "Resident", Locale.ENGLISH, Set.of());
    private final Subject staff = Subject.of(43, "accountant", "Accountant", Locale.ENGLISH, Set.of());

    @Test
    void anotherUnitIsNotFoundToResidentsAndForbiddenToStaffOutsideTheirScope() {
        YearMonth now = YearMonth.now();
        DomusException statement =
                assertThrows(DomusException.class, () -> documents.statementPdf(resident, OTHER, now, now, "en"));
        assertEquals(DomusException.Kind.NOT_FOUND, statement.kind());
        assertEquals("ledger.unit.not-found", statement.messageKey());
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> documents.calendar(resident, OTHER, "en", "domus"))
                        .kind());
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> documents.statementPdf(staff, ELSEWHERE, now, now, "en"))
                        .kind());
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> documents.calendar(staff, ELSEWHERE, "en", "domus"))
                        .kind());
    }

    @Test
    void residentsOfTheUnitAndStaffInScopeGetPastTheCheckToThePeriodRule() {
        YearMonth now = YearMonth.now();
        for (Subject s : new Subject[] {resident, staff}) {
            long unit = s == resident ? MINE : OTHER;
            DomusException backwards = assertThrows(
                    DomusException.class, () -> documents.statementPdf(s, unit, now, now.minusMonths(1), "cs"));
            assertEquals(DomusException.Kind.INVALID, backwards.kind());
            assertEquals("ledger.turnover.range.invalid", backwards.messageKey());
            DomusException tooLong = assertThrows(
                    DomusException.class, () -> documents.statementPdf(s, unit, now.minusMonths(120), now, "cs"));
            assertEquals("ledger.turnover.range.invalid", tooLong.messageKey());
        }
    }

    @Test
    void unsupportedLanguagesPrintInEnglish() {
        assertEquals("pl", UnitDocumentsImpl.language("pl"));
        assertEquals("en", UnitDocumentsImpl.language("de"));
        assertEquals("en", UnitDocumentsImpl.language(null));
    }
}
