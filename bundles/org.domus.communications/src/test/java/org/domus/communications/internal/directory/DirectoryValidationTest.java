package org.domus.communications.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.domus.communications.ContactScope;
import org.domus.communications.EmergencyContact;
import org.domus.communications.EmergencyKind;
import org.domus.communications.Office;
import org.domus.communications.OpeningHours;
import org.domus.communications.StaffContact;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectoryValidationTest {

    private final DirectoryFixture f = new DirectoryFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static Set<String> fields(InvalidFieldsException e) {
        return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }

    private Office office(List<OpeningHours> hours, String phone, String email) {
        return new Office(
                0, 0, ContactScope.organisation(f.org.id()), "Kancelář", null, phone, email, hours, List.of(), null, 0);
    }

    @Test
    void overlappingOrMalformedHoursAndBadContactsAreRefusedFieldByFieldAndNothingIsWritten() {
        InvalidFieldsException e = assertThrows(
                InvalidFieldsException.class,
                () -> f.db.directory.saveOffice(
                        f.manager,
                        office(
                                List.of(
                                        new OpeningHours(DayOfWeek.MONDAY, "08:00", "12:00"),
                                        new OpeningHours(DayOfWeek.MONDAY, "11:30", "16:00"),
                                        new OpeningHours(DayOfWeek.TUESDAY, "25:00", "26:00")),
                                "call me",
                                "not-an-address")));
        assertEquals(Set.of("hours", "hours[2]", "phone", "email"), fields(e));
        FieldError overlap = e.errors().stream()
                .filter(x -> x.field().equals("hours"))
                .findFirst()
                .orElseThrow();
        assertEquals("communications.directory.hours-overlap", overlap.messageKey());
        assertEquals(List.of(DayOfWeek.MONDAY, "08:00-12:00", "11:30-16:00"), overlap.arguments());

        InvalidFieldsException backwards = assertThrows(
                InvalidFieldsException.class,
                () -> f.db.directory.saveOffice(
                        f.manager, office(List.of(new OpeningHours(DayOfWeek.FRIDAY, "16:00", "08:00")), null, null)));
        assertEquals(
                "communications.directory.hours-invalid",
                backwards.errors().get(0).messageKey());
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM COMM_OFFICE"));
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM COMM_OFFICE_HOURS"));
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ENTITY_TYPE = 'comm-office'"));
    }

    @Test
    void hoursRunFromMidnightToMidnightAndTouchingIntervalsAreFine() {
        Office nonStop = f.db.directory.saveOffice(
                f.manager,
                office(
                        List.of(
                                new OpeningHours(DayOfWeek.SATURDAY, "0:00", "24:00"),
                                new OpeningHours(DayOfWeek.MONDAY, "13:00", "17:00"),
                                new OpeningHours(DayOfWeek.MONDAY, "08:00", "13:00")),
                        "+420 545 123 456",
                        "dispecink@sbd.cz"));
        assertEquals(
                List.of(
                        new OpeningHours(DayOfWeek.MONDAY, "08:00", "13:00"),
                        new OpeningHours(DayOfWeek.MONDAY, "13:00", "17:00"),
                        new OpeningHours(DayOfWeek.SATURDAY, "00:00", "24:00")),
                f.db.directory.office(f.manager, nonStop.id()).hours());
        // replacing the hours replaces the rows and moves the version
        Office changed = f.db.directory.saveOffice(
                f.manager,
                new Office(
                        nonStop.id(),
                        0,
                        nonStop.scope(),
                        nonStop.name(),
                        null,
                        nonStop.phone(),
                        nonStop.email(),
                        List.of(new OpeningHours(DayOfWeek.TUESDAY, "09:00", "11:00")),
                        List.of(LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 3)),
                        "Zavřeno v srpnu",
                        nonStop.version()));
        Office read = f.db.directory.office(f.manager, nonStop.id());
        assertEquals(List.of(new OpeningHours(DayOfWeek.TUESDAY, "09:00", "11:00")), read.hours());
        assertEquals(List.of(LocalDate.of(2026, 8, 3)), read.closedDays());
        assertEquals(changed.version(), read.version());
        assertEquals(1, f.db.count("SELECT COUNT(*) FROM COMM_OFFICE_HOURS"));
        assertEquals(2, f.db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ENTITY_TYPE = 'comm-office'"));
        f.db.directory.deleteOffice(f.manager, nonStop.id(), read.version());
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM COMM_OFFICE_HOURS"));
    }

    @Test
    void phoneNumbersAreInternationalOrShortNationalNumbers() {
        Checks ok = new Checks();
        assertEquals("+420 800 123 456", ok.phone("p", " +420 800 123 456 ", true));
        assertEquals("1239", ok.phone("p", "1239", true));
        assertEquals("112", ok.phone("p", "112", true));
        assertEquals("(012) 345-67-89", ok.phone("p", "(012) 345-67-89", true));
        ok.throwIfAny();
        for (String bad : List.of("+420 12", "12", "+1 234 567 890 123 456 7", "0800-CALL-NOW", "++420800123456")) {
            Checks c = new Checks();
            c.phone("p", bad, true);
            assertThrows(InvalidFieldsException.class, c::throwIfAny, bad);
        }
    }

    @Test
    void emergencyNumbersNeedKindCompanyAndPhoneAndStaffContactsAReachAndAStaffAccount() {
        InvalidFieldsException emergency = assertThrows(
                InvalidFieldsException.class,
                () -> f.db.directory.saveEmergencyContact(
                        f.manager,
                        new EmergencyContact(0, 0, ContactScope.building(f.cejl.id()), null, " ", null, null, 0)));
        assertEquals(Set.of("kind", "company", "phone"), fields(emergency));
        long residentAccount = f.jana.accountId();
        InvalidFieldsException staff = assertThrows(
                InvalidFieldsException.class,
                () -> f.db.directory.saveStaffContact(
                        f.manager,
                        new StaffContact(
                                0,
                                0,
                                ContactScope.building(f.cejl.id()),
                                "Eva",
                                "Správce",
                                null,
                                null,
                                residentAccount,
                                0)));
        assertEquals(Set.of("phone", "accountId"), fields(staff));
        StaffContact linked = f.db.directory.saveStaffContact(
                f.manager,
                new StaffContact(
                        0,
                        0,
                        ContactScope.building(f.cejl.id()),
                        "Eva",
                        "Správce",
                        null,
                        "eva@sbd.cz",
                        f.cejlManager.accountId(),
                        0));
        assertEquals(f.cejlManager.accountId(), linked.accountId());
        InvalidFieldsException noScope = assertThrows(
                InvalidFieldsException.class,
                () -> f.db.directory.saveEmergencyContact(
                        f.manager, new EmergencyContact(0, 0, null, EmergencyKind.GAS, "GasNet", "1239", null, 0)));
        assertEquals(Set.of("scope"), fields(noScope));
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM COMM_EMERGENCY_CONTACT"));
    }
}
