package org.domus.tickets.internal;

import java.util.Set;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Unit;
import org.domus.tickets.Category;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.NewTicket;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TransitionRequest;

/**
 * One Czech organisation with two buildings: Cejl 12 (flats 1 and 2, residents Jana and Karel) and Milady
 * Horákové 3 (flat 7, resident Olga); an organisation-wide manager; a plumbing company with one worker linked to
 * a contractor account, and an electrical company with its own contractor.
 */
final class Fixture implements AutoCloseable {

    final TicketsDatabase db;
    final Organisation org;
    final Building cejl;
    final Building horakove;
    final Unit flat1;
    final Unit flat2;
    final Unit flat7;
    final Subject jana;
    final Subject karel;
    final Subject olga;
    final Subject manager;
    final Subject plumber;
    final Subject electrician;
    final Category water;
    final Category lift;
    final ContractorCompany plumbing;
    final ContractorWorker petr;
    final ContractorCompany electric;

    Fixture() {
        this(TicketsSettings.defaults());
    }

    Fixture(TicketsSettings settings) {
        db = new TicketsDatabase(settings);
        org = db.organisation("CZ");
        Estate estate = db.estate(org.id(), "North");
        cejl = db.building(estate.id(), "Cejl", "12");
        horakove = db.building(estate.id(), "Milady Horákové", "3");
        flat1 = db.unit(cejl.id(), "1");
        flat2 = db.unit(cejl.id(), "2");
        flat7 = db.unit(horakove.id(), "7");
        jana = db.resident("jana", org.id(), flat1);
        karel = db.resident("karel", org.id(), flat2);
        olga = db.resident("olga", org.id(), flat7);
        manager = db.staff("manager", Role.MANAGER, ScopeType.ORGANISATION, org.id());
        plumber = db.staff("plumber", Role.CONTRACTOR, ScopeType.ORGANISATION, org.id());
        electrician = db.staff("electrician", Role.CONTRACTOR, ScopeType.ORGANISATION, org.id());
        water = category("WATER");
        lift = category("LIFT");
        plumbing = db.contractors.saveCompany(
                manager,
                new ContractorCompany(0, org.id(), "Voda s.r.o.", null, null, null, Set.of("plumbing"), true, 0));
        petr = db.contractors.saveWorker(
                manager,
                new ContractorWorker(
                        0,
                        plumbing.id(),
                        "Petr",
                        null,
                        null,
                        Set.of(),
                        plumber.accountId(),
                        true,
                        null,
                        null,
                        null,
                        true,
                        0));
        electric = db.contractors.saveCompany(
                manager,
                new ContractorCompany(0, org.id(), "Elektro a.s.", null, null, null, Set.of("electrical"), true, 0));
        db.contractors.saveWorker(
                manager,
                new ContractorWorker(
                        0,
                        electric.id(),
                        "Eva",
                        null,
                        null,
                        Set.of(),
                        electrician.accountId(),
                        false,
                        null,
                        null,
                        null,
                        true,
                        0));
    }

    Category category(String code) {
        return db.configuration.categories(manager, org.id()).stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    Ticket unitTicket(Subject resident, Unit unit, String description) {
        return db.tickets.submit(
                resident,
                new NewTicket(
                        TicketArea.UNIT,
                        unit.id(),
                        null,
                        water.id(),
                        TicketPriority.NORMAL,
                        null,
                        description,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    Ticket buildingTicket(Subject resident, Building building, String description) {
        return db.tickets.submit(
                resident,
                new NewTicket(
                        TicketArea.COMMON_AREA,
                        null,
                        building.id(),
                        lift.id(),
                        TicketPriority.HIGH,
                        null,
                        description,
                        null,
                        "someone@example.com",
                        "+420 777 123 456",
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    /** Accepted and assigned to the plumbing company's worker Petr. */
    Ticket assigned(Ticket t) {
        db.tickets.transition(manager, t.id(), TransitionRequest.to(TicketStatus.ACCEPTED, null));
        return db.tickets.transition(manager, t.id(), TransitionRequest.assign(plumbing.id(), petr.id()));
    }

    @Override
    public void close() {
        db.close();
    }
}
