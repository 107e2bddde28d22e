package org.domus.communications.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.domus.communications.ContactScope;
import org.domus.communications.ContactsOfBuilding;
import org.domus.communications.EmergencyContact;
import org.domus.communications.EmergencyKind;
import org.domus.communications.StaffContact;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectoryAccessTest {

    private final DirectoryFixture f = new DirectoryFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static Set<String> companies(ContactsOfBuilding b) {
        return b.emergency().stream().map(EmergencyContact::company).collect(Collectors.toSet());
    }

    @Test
    void aResidentSeesOnlyTheEntriesServingTheBuildingsTheyHold() {
        f.emergency(ContactScope.building(f.cejl.id()), EmergencyKind.LIFT, "Výtahy Cejl", "+420 800 111 222");
        f.emergency(ContactScope.building(f.horakove.id()), EmergencyKind.LIFT, "Výtahy Horákové", "+420 800 333 444");
        f.emergency(ContactScope.estate(f.south.id()), EmergencyKind.WATER, "Voda Jih", "+420 800 555 666");
        f.emergency(ContactScope.organisation(f.org.id()), EmergencyKind.GAS, "GasNet", "1239");
        f.office(ContactScope.estate(f.north.id()), "Kancelář Sever");
        f.staff(ContactScope.building(f.horakove.id()), "Eva Dvořáková", "Správce domu");

        List<ContactsOfBuilding> jana = f.db.directory.mine(f.jana);
        assertEquals(1, jana.size());
        assertEquals(f.cejl.id(), jana.get(0).buildingId());
        assertEquals(Set.of("Výtahy Cejl", "GasNet"), companies(jana.get(0)));
        assertEquals(
                List.of("Kancelář Sever"),
                jana.get(0).offices().stream().map(o -> o.office().name()).toList());
        assertTrue(jana.get(0).staff().isEmpty(), "Olga's building manager is not Jana's contact");

        List<ContactsOfBuilding> olga = f.db.directory.mine(f.olga);
        assertEquals(Set.of("Výtahy Horákové", "GasNet"), companies(olga.get(0)));
        assertEquals(
                List.of("Eva Dvořáková"),
                olga.get(0).staff().stream().map(StaffContact::name).toList());

        List<ContactsOfBuilding> petr = f.db.directory.mine(f.petr);
        assertEquals(Set.of("Voda Jih", "GasNet"), companies(petr.get(0)));
        assertTrue(petr.get(0).offices().isEmpty());
    }

    @Test
    void aBuildingsNumberOfAKindReplacesTheEstatesAndOrganisationsButNotOtherKinds() {
        f.emergency(ContactScope.organisation(f.org.id()), EmergencyKind.WATER, "Brněnské vodárny", "+420 543 212 111");
        f.emergency(ContactScope.estate(f.north.id()), EmergencyKind.WATER, "Voda Sever", "+420 800 555 666");
        f.emergency(ContactScope.building(f.cejl.id()), EmergencyKind.WATER, "Instalatér Cejl", "+420 777 888 999");
        f.emergency(ContactScope.organisation(f.org.id()), EmergencyKind.GAS, "GasNet", "1239");

        assertEquals(
                Set.of("Instalatér Cejl", "GasNet"),
                companies(f.db.directory.mine(f.jana).get(0)));
        assertEquals(
                Set.of("Voda Sever", "GasNet"),
                companies(f.db.directory.mine(f.olga).get(0)));
        assertEquals(
                Set.of("Brněnské vodárny", "GasNet"),
                companies(f.db.directory.mine(f.petr).get(0)));
        // kinds in their fixed order: the water number before the gas one
        assertEquals(
                List.of(EmergencyKind.WATER, EmergencyKind.GAS),
                f.db.directory.mine(f.jana).get(0).emergency().stream()
                        .map(EmergencyContact::kind)
                        .toList());
    }

    @Test
    void residentsGetNotFoundForTheStaffListsAndEntriesAndCannotWrite() {
        EmergencyContact lift =
                f.emergency(ContactScope.building(f.cejl.id()), EmergencyKind.LIFT, "Výtahy", "+420 800 111 222");
        DomusException list =
                assertThrows(DomusException.class, () -> f.db.directory.emergencyContacts(f.jana, f.org.id()));
        assertEquals(Kind.NOT_FOUND, list.kind());
        DomusException one =
                assertThrows(DomusException.class, () -> f.db.directory.emergencyContact(f.jana, lift.id()));
        assertEquals(Kind.NOT_FOUND, one.kind());
        DomusException write = assertThrows(
                DomusException.class,
                () -> f.db.directory.saveEmergencyContact(
                        f.jana,
                        new EmergencyContact(
                                0, 0, ContactScope.building(f.cejl.id()), EmergencyKind.GAS, "X", "1239", null, 0)));
        assertEquals(Kind.NOT_FOUND, write.kind());
        assertEquals(1, f.db.count("SELECT COUNT(*) FROM COMM_EMERGENCY_CONTACT"));
    }

    @Test
    void staffOutsideTheirScopeAreForbiddenAndReadTheWiderEntriesServingTheirBuildings() {
        EmergencyContact orgGas =
                f.emergency(ContactScope.organisation(f.org.id()), EmergencyKind.GAS, "GasNet", "1239");
        EmergencyContact lesnaLift =
                f.emergency(ContactScope.building(f.lesna.id()), EmergencyKind.LIFT, "Výtahy Jih", "+420 800 111 222");
        EmergencyContact cejlLift =
                f.emergency(ContactScope.building(f.cejl.id()), EmergencyKind.LIFT, "Výtahy Cejl", "+420 800 111 333");

        // the building's manager reads its own and the organisation's entries, not another building's
        assertEquals(
                Set.of(orgGas.id(), cejlLift.id()),
                f.db.directory.emergencyContacts(f.cejlManager, f.org.id()).stream()
                        .map(EmergencyContact::id)
                        .collect(Collectors.toSet()));
        assertEquals(
                Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> f.db.directory.emergencyContact(f.cejlManager, lesnaLift.id()))
                        .kind());
        // keeps the building's entries, not the organisation's
        f.db.directory.saveEmergencyContact(
                f.cejlManager,
                new EmergencyContact(
                        cejlLift.id(),
                        0,
                        cejlLift.scope(),
                        EmergencyKind.LIFT,
                        "Výtahy Cejl s.r.o.",
                        cejlLift.phone(),
                        "non-stop",
                        cejlLift.version()));
        DomusException org = assertThrows(
                DomusException.class,
                () -> f.db.directory.saveEmergencyContact(
                        f.cejlManager,
                        new EmergencyContact(
                                orgGas.id(),
                                0,
                                orgGas.scope(),
                                EmergencyKind.GAS,
                                "Gas",
                                "1239",
                                null,
                                orgGas.version())));
        assertEquals(Kind.FORBIDDEN, org.kind());
        // nor may it move its building's entry to the organisation
        EmergencyContact current = f.db.directory.emergencyContact(f.cejlManager, cejlLift.id());
        assertEquals(
                Kind.FORBIDDEN,
                assertThrows(
                                DomusException.class,
                                () -> f.db.directory.saveEmergencyContact(
                                        f.cejlManager,
                                        new EmergencyContact(
                                                current.id(),
                                                0,
                                                ContactScope.organisation(f.org.id()),
                                                EmergencyKind.LIFT,
                                                "X",
                                                "1239",
                                                null,
                                                current.version())))
                        .kind());
        // another organisation's manager: forbidden, and nothing of this organisation listed
        assertEquals(
                Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> f.db.directory.emergencyContacts(f.otherManager, f.org.id()))
                        .kind());
        assertEquals(
                Kind.FORBIDDEN,
                assertThrows(
                                DomusException.class,
                                () -> f.db.directory.deleteEmergencyContact(
                                        f.otherManager, orgGas.id(), orgGas.version()))
                        .kind());
        // the board reads but does not keep the directory
        assertEquals(3, f.db.directory.emergencyContacts(f.board, f.org.id()).size());
        assertEquals(
                Kind.FORBIDDEN,
                assertThrows(
                                DomusException.class,
                                () -> f.db.directory.deleteEmergencyContact(f.board, orgGas.id(), orgGas.version()))
                        .kind());
        assertEquals(3, f.db.count("SELECT COUNT(*) FROM COMM_EMERGENCY_CONTACT"));
    }

    @Test
    void changesAreAuditedAndStaleVersionsRefused() {
        StaffContact eva = f.staff(ContactScope.building(f.cejl.id()), "Eva Dvořáková", "Správce domu");
        StaffContact changed = f.db.directory.saveStaffContact(
                f.manager,
                new StaffContact(
                        eva.id(),
                        0,
                        eva.scope(),
                        eva.name(),
                        "Správkyně domu",
                        eva.phone(),
                        "eva@sbd.cz",
                        null,
                        eva.version()));
        assertTrue(changed.version() > eva.version());
        DomusException stale = assertThrows(
                DomusException.class,
                () -> f.db.directory.saveStaffContact(
                        f.manager,
                        new StaffContact(
                                eva.id(), 0, eva.scope(), "Old", "Old", eva.phone(), null, null, eva.version())));
        assertEquals(Kind.CONFLICT, stale.kind());
        assertEquals(
                Kind.CONFLICT,
                assertThrows(
                                DomusException.class,
                                () -> f.db.directory.deleteStaffContact(f.manager, eva.id(), eva.version()))
                        .kind());
        f.db.directory.deleteStaffContact(f.manager, eva.id(), changed.version());
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM COMM_STAFF_CONTACT"));
        assertEquals(
                3,
                f.db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ENTITY_TYPE = 'comm-staff-contact'"
                        + " AND ENTITY_ID = '" + eva.id()
                        + "' AND ACTION_NAME LIKE 'communications.directory.staff.%'"));
    }
}
