package org.domus.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.internal.access.RegistryDirectory;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.registry.JpaRegistryDirectory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.ledger.AccountKind;
import org.domus.ledger.LedgerAccount;
import org.domus.ledger.NewTransaction;
import org.domus.ledger.PostingLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may read and post which ledger: the real role-based policy with the ledger's grants; the residents'
 * current units come from a fixed map instead of tenures (the registry's own tests prove tenures).
 */
class LedgerAccessTest {

    private LedgerDatabase db;
    private LedgerServiceImpl ledger;
    private Organisation org;
    private Estate north;
    private Building b1;
    private Building b2;
    private Unit mine;
    private Unit theirs;

    private final Subject resident = Subject.of(101, "jana", "Jana", Locale.ENGLISH, Set.of());

    @BeforeEach
    void setUp() {
        db = new LedgerDatabase();
        org = db.organisation("PLN");
        north = db.estate(org.id(), "North");
        Estate south = db.estate(org.id(), "South");
        b1 = db.building(north.id(), "1");
        b2 = db.building(south.id(), "2");
        mine = db.unit(b1.id(), "1", "50.00", new Share(1, 10));
        theirs = db.unit(b2.id(), "2", "70.00", new Share(1, 10));
        JpaRegistryDirectory registryDirectory = new JpaRegistryDirectory(db.coreJpa);
        RegistryDirectory directory = new RegistryDirectory() {
            @Override
            public Optional<RegistryLocation> locate(ScopeType kind, long id) {
                return registryDirectory.locate(kind, id);
            }

            @Override
            public Set<Long> currentUnitsOf(long accountId, LocalDate day) {
                return accountId == 101 ? Set.of(mine.id()) : Set.of();
            }
        };
        RoleBasedAccessPolicy policy =
                new RoleBasedAccessPolicy(List.of(new RegistryGrants(), new LedgerGrants()), directory, db.clock);
        ledger = LedgerServiceImpl.create(db.jpa, policy, db.registry, db.clock);
        for (Unit u : List.of(mine, theirs)) {
            LedgerAccount receivable = ledger.unitAccount(LedgerDatabase.ADMIN, u.id());
            LedgerAccount income = ledger.organisationAccount(LedgerDatabase.ADMIN, org.id(), AccountKind.INCOME, 1L);
            ledger.post(
                    LedgerDatabase.ADMIN,
                    new NewTransaction(
                            org.id(),
                            LocalDate.of(2026, 3, 1),
                            "Fee",
                            null,
                            List.of(
                                    PostingLine.debit(receivable.id(), new BigDecimal("300.00")),
                                    PostingLine.credit(income.id(), new BigDecimal("300.00")))));
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Subject staff(Role role, ScopeType type, long id) {
        return Subject.of(
                200 + role.ordinal(),
                role.name().toLowerCase(Locale.ROOT),
                role.name(),
                Locale.ENGLISH,
                Set.of(RoleGrant.scoped(role, type, id)));
    }

    @Test
    void aResidentReadsTheirUnitsLedgerAndGetsNotFoundForAnotherUnit() {
        assertEquals(
                new BigDecimal("300.00"), ledger.balance(resident, mine.id()).balance());
        assertEquals(1, ledger.postings(resident, mine.id(), 0, 10).total());
        ledger.turnover(resident, mine.id(), YearMonth.of(2026, 1), YearMonth.of(2026, 3));

        DomusException e = assertThrows(DomusException.class, () -> ledger.balance(resident, theirs.id()));
        assertEquals(DomusException.Kind.NOT_FOUND, e.kind());
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> ledger.balance(resident, 999_999))
                        .kind());
        // reading is all a resident may do, even on their own unit
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> ledger.unitAccount(resident, mine.id()))
                        .kind());
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> ledger.organisationAccounts(resident, org.id()))
                        .kind());
    }

    @Test
    void staffReadWithinTheirScopeAndAreForbiddenOutsideIt() {
        for (Role role : List.of(Role.MANAGER, Role.BOARD, Role.ACCOUNTANT)) {
            Subject s = staff(role, ScopeType.ESTATE, north.id());
            assertEquals(new BigDecimal("300.00"), ledger.balance(s, mine.id()).balance());
            assertEquals(
                    DomusException.Kind.FORBIDDEN,
                    assertThrows(DomusException.class, () -> ledger.balance(s, theirs.id()))
                            .kind(),
                    role.name());
        }
        Subject buildingManager = staff(Role.MANAGER, ScopeType.BUILDING, b2.id());
        assertEquals(
                new BigDecimal("300.00"),
                ledger.balance(buildingManager, theirs.id()).balance());
        // organisation accounts need the whole organisation
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> ledger.organisationAccounts(buildingManager, org.id()))
                        .kind());
        Subject board = staff(Role.BOARD, ScopeType.ORGANISATION, org.id());
        assertEquals(1, ledger.organisationAccounts(board, org.id()).size());
    }

    @Test
    void onlyAccountantsPostAndOnlyWithinScope() {
        Subject manager = staff(Role.MANAGER, ScopeType.ORGANISATION, org.id());
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> ledger.unitAccount(manager, mine.id()))
                        .kind());

        Subject accountant = staff(Role.ACCOUNTANT, ScopeType.ESTATE, north.id());
        assertEquals(mine.id(), ledger.unitAccount(accountant, mine.id()).unitId());
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> ledger.unitAccount(accountant, theirs.id()))
                        .kind());
        // manual journal entries are organisation-wide
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(
                                DomusException.class,
                                () -> ledger.organisationAccount(accountant, org.id(), AccountKind.BANK, null))
                        .kind());
        Subject chief = staff(Role.ACCOUNTANT, ScopeType.ORGANISATION, org.id());
        assertEquals(
                "PLN",
                ledger.organisationAccount(chief, org.id(), AccountKind.BANK, null)
                        .currency());
    }
}
