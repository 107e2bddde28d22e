package org.domus.itests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.AccessTokenService;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;
import org.domus.core.account.NewAccount;
import org.domus.core.account.TotpService;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Money;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;

/**
 * Two residents in two buildings of one estate, and a manager scoped to the first building: the smallest
 * world in which isolation can fail. "A" is the first building's side, "B" the other.
 */
final class RegistryFixture {

    static final Subject SYSTEM = Subject.system("itest", "Integration test");

    final Organisation organisation;
    final Estate estate;
    final Building buildingA;
    final Building buildingB;
    final Unit unitA;
    final Unit unitB;
    final Person personA;
    final Person personB;
    final Tenure tenureA;
    final Tenure tenureB;
    final String residentA;
    final String residentB;
    final String managerA;
    final String admin;

    RegistryFixture(RegistryService registry, AccountService accounts, AccessTokenService tokens, TotpService totp) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        organisation = registry.createOrganisation(SYSTEM, new Organisation(0, "SBD " + tag, null, "CZ", "CZK", 0));
        estate = registry.createEstate(SYSTEM, new Estate(0, organisation.id(), "Sídliště " + tag, 0));
        buildingA = registry.createBuilding(SYSTEM, building("Květná", "12"));
        buildingB = registry.createBuilding(SYSTEM, building("Lipová", "3"));
        unitA = registry.createUnit(SYSTEM, unit(buildingA.id(), "1"));
        unitB = registry.createUnit(SYSTEM, unit(buildingB.id(), "1"));
        Account a = account(accounts, "res-a-" + tag);
        Account b = account(accounts, "res-b-" + tag);
        Account m = account(accounts, "man-a-" + tag);
        accounts.setGrants(m.id(), Set.of(RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, buildingA.id())), SYSTEM);
        personA = registry.createPerson(SYSTEM, person("Nováková", a.id()));
        personB = registry.createPerson(SYSTEM, person("Dvořák", b.id()));
        tenureA = registry.createTenure(
                SYSTEM,
                new Tenure(
                        0, unitA.id(), personA.id(), TenureRole.OWNER, Share.ONE, LocalDate.of(2020, 1, 1), null, 0));
        tenureB = registry.createTenure(
                SYSTEM,
                new Tenure(
                        0, unitB.id(), personB.id(), TenureRole.OWNER, Share.ONE, LocalDate.of(2020, 1, 1), null, 0));
        residentA = token(accounts, tokens, a);
        residentB = token(accounts, tokens, b);
        managerA = token(accounts, tokens, m);
        Account adm = account(accounts, "adm-" + tag);
        accounts.setRoles(adm.id(), Set.of(Role.ADMIN), SYSTEM);
        DomusTestSupport.enrolTotp(totp, accounts.subjectOf(adm.id()).orElseThrow());
        admin = token(accounts, tokens, adm);
    }

    private Building building(String street, String number) {
        return new Building(
                0,
                estate.id(),
                street,
                number,
                "Praha",
                "149 00",
                "CZ",
                new BigDecimal("50.03"),
                new BigDecimal("14.51"),
                0);
    }

    static Unit unit(long building, String number) {
        return new Unit(
                0,
                building,
                number,
                UnitKind.FLAT,
                1,
                null,
                new BigDecimal("58.20"),
                2,
                List.of("balcony"),
                new Share(1, 10),
                LegalForm.COOPERATIVE_RIGHT,
                UnitState.OCCUPIED,
                new Money(new BigDecimal("7200.00"), "CZK"),
                null,
                null,
                0);
    }

    private Person person(String last, long account) {
        return new Person(
                0, organisation.id(), PersonKind.NATURAL, "Jana", last, null, null, null, null, null, null, account, 0);
    }

    private static Account account(AccountService accounts, String login) {
        return accounts.create(
                new NewAccount(
                        login,
                        "Test " + login,
                        null,
                        "Correct-Horse-Battery-42".toCharArray(),
                        Set.of(),
                        Locale.ENGLISH,
                        false),
                SYSTEM);
    }

    private static String token(AccountService accounts, AccessTokenService tokens, Account account) {
        return tokens.create(accounts.subjectOf(account.id()).orElseThrow(), "itest", null)
                .secret();
    }
}
