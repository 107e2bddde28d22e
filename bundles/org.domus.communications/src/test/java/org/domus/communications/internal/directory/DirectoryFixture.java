package org.domus.communications.internal.directory;

import java.time.DayOfWeek;
import java.util.List;
import org.domus.communications.ContactScope;
import org.domus.communications.EmergencyContact;
import org.domus.communications.EmergencyKind;
import org.domus.communications.Office;
import org.domus.communications.OpeningHours;
import org.domus.communications.StaffContact;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Unit;

/**
 * One Czech organisation with two estates: North with Cejl 12 (flat 1, resident Jana) and Milady Horákové 3
 * (flat 7, resident Olga), South with Lesná 5 (flat 9, resident Petr); an organisation-wide manager, a manager
 * of Cejl 12 only, a board member of the organisation, and a second organisation with its own manager.
 */
final class DirectoryFixture implements AutoCloseable {

    final DirectoryDatabase db = new DirectoryDatabase();
    final Organisation org = db.organisation("CZ");
    final Estate north = db.estate(org.id(), "North");
    final Estate south = db.estate(org.id(), "South");
    final Building cejl = db.building(north.id(), "Cejl", "12");
    final Building horakove = db.building(north.id(), "Milady Horákové", "3");
    final Building lesna = db.building(south.id(), "Lesná", "5");
    final Unit flat1 = db.unit(cejl.id(), "1");
    final Unit flat7 = db.unit(horakove.id(), "7");
    final Unit flat9 = db.unit(lesna.id(), "9");
    final Subject jana = db.resident("jana", org.id(), flat1);
    final Subject olga = db.resident("olga", org.id(), flat7);
    final Subject petr = db.resident("petr", org.id(), flat9);
    final Subject manager = db.staff("manager", Role.MANAGER, ScopeType.ORGANISATION, org.id());
    final Subject cejlManager = db.staff("cejl-manager", Role.MANAGER, ScopeType.BUILDING, cejl.id());
    final Subject board = db.staff("board", Role.BOARD, ScopeType.ORGANISATION, org.id());
    final Organisation other = db.organisation("PL");
    final Subject otherManager = db.staff("other-manager", Role.MANAGER, ScopeType.ORGANISATION, other.id());

    EmergencyContact emergency(ContactScope scope, EmergencyKind kind, String company, String phone) {
        return db.directory.saveEmergencyContact(
                manager, new EmergencyContact(0, 0, scope, kind, company, phone, null, 0));
    }

    StaffContact staff(ContactScope scope, String name, String role) {
        return db.directory.saveStaffContact(
                manager, new StaffContact(0, 0, scope, name, role, "+420 777 100 200", null, null, 0));
    }

    /** Monday to Friday 8-12 and 13-17 (Wednesday till 18). */
    static List<OpeningHours> weekdays() {
        List<OpeningHours> hours = new java.util.ArrayList<>();
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(d, "08:00", "12:00"));
            hours.add(new OpeningHours(d, "13:00", d == DayOfWeek.WEDNESDAY ? "18:00" : "17:00"));
        }
        return hours;
    }

    Office office(ContactScope scope, String name) {
        return db.directory.saveOffice(
                manager,
                new Office(
                        0,
                        0,
                        scope,
                        name,
                        "Cejl 12, Brno",
                        "+420 545 123 456",
                        "kancelar@sbd.cz",
                        weekdays(),
                        List.of(),
                        null,
                        0));
    }

    @Override
    public void close() {
        db.close();
    }
}
