package org.domus.core.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.domus.core.Subject;

/**
 * The unit and resident registry. Every call names the acting subject and is decided by the
 * {@link org.domus.core.access.AccessPolicy}: lists contain only what is inside the subject's scope (the
 * scope is part of the database query), single objects outside it fail with {@code NOT_FOUND} for
 * subjects without a staff grant of the permission and {@code FORBIDDEN} for staff.
 *
 * <p>Every change writes an audit event; changes of a unit and its tenures also a {@link UnitChange}.
 * A refused change writes nothing: {@link InvalidFieldsException} names the bad fields, a stale
 * {@code version} is a {@code CONFLICT}. Creating returns the stored object with its id and version.
 */
public interface RegistryService {

    // ---- batches ----

    /**
     * Runs {@code work} in one database transaction: every registry and
     * {@link org.domus.core.account.AccountService} change it makes on this thread commits together when it
     * returns, and nothing of it stays when it throws (generators and imports that must be all or nothing).
     * Calls inside join the transaction; access is still decided per call.
     *
     * @return what {@code work} returns
     * @since 1.1
     */
    <T> T allOrNothing(Supplier<T> work);

    // ---- organisations and estates ----

    /** Creates an organisation (ADMIN only, as organisations are outside every scope). */
    Organisation createOrganisation(Subject actor, Organisation organisation);

    /** Organisations the subject may read anything of. */
    List<Organisation> organisations(Subject actor);

    /**
     * Changes an organisation's name, numbers, currency and bank details (ADMIN only; NOT_FOUND to residents,
     * FORBIDDEN to staff). The IBAN (length of
     * its country and mod-97 checksum), the BIC and a Polish NIP are checked; every refused field is named at
     * once ({@link InvalidFieldsException}) and nothing is written. Audited with the values before and after.
     *
     * @throws org.domus.core.DomusException NOT_FOUND for an unknown id, CONFLICT for a stale version
     * @since 1.3
     */
    Organisation updateOrganisation(Subject actor, Organisation organisation);

    /**
     * One organisation, for staff whose read scope covers all of it (organisation-wide staff, ADMIN).
     *
     * @throws org.domus.core.DomusException NOT_FOUND when it does not exist or for a resident, FORBIDDEN for
     *     staff whose scope is narrower
     * @since 1.3
     */
    Organisation organisation(Subject actor, long id);

    Estate createEstate(Subject actor, Estate estate);

    Estate updateEstate(Subject actor, Estate estate);

    Estate estate(Subject actor, long id);

    /** Estates in scope (an estate is in scope for organisation- and estate-scoped staff). */
    Page<Estate> estates(Subject actor, int offset, int limit);

    // ---- buildings ----

    Building createBuilding(Subject actor, Building building);

    Building updateBuilding(Subject actor, Building building);

    Building building(Subject actor, long id);

    Page<Building> buildings(Subject actor, BuildingFilter filter, int offset, int limit);

    // ---- units ----

    Unit createUnit(Subject actor, Unit unit);

    /**
     * Creates many units in one transaction (generators, imports): all or nothing. Checks as
     * {@link #createUnit} but much faster than one call per unit.
     */
    List<Unit> createUnits(Subject actor, List<Unit> units);

    Unit updateUnit(Subject actor, Unit unit);

    Unit unit(Subject actor, long id);

    /** Units in scope matching the filter, ordered by street, house number and unit number. */
    default Page<Unit> units(Subject actor, UnitFilter filter, int offset, int limit) {
        return units(actor, filter, UnitSort.ADDRESS, offset, limit);
    }

    /**
     * Units in scope matching the filter in the given order.
     *
     * @since 1.2
     */
    Page<Unit> units(Subject actor, UnitFilter filter, UnitSort sort, int offset, int limit);

    /** Number of units in scope matching the filter (the list's total without loading a page). */
    long countUnits(Subject actor, UnitFilter filter);

    /** The unit's history, newest first. */
    Page<UnitChange> history(Subject actor, long unitId, int offset, int limit);

    // ---- persons ----

    Person createPerson(Subject actor, Person person);

    /**
     * Creates many persons in one transaction (generators, imports): all or nothing. Checks as
     * {@link #createPerson} but much faster than one call per person.
     *
     * @since 1.1
     */
    List<Person> createPersons(Subject actor, List<Person> persons);

    Person updatePerson(Subject actor, Person person);

    Person person(Subject actor, long id);

    /**
     * Persons in scope: everyone of the organisations the subject covers as a whole, and for estate- or
     * building-scoped staff everyone with a tenure (current or former) of a unit in scope.
     */
    Page<Person> persons(Subject actor, PersonFilter filter, int offset, int limit);

    // ---- tenures ----

    /** Adds a tenure; the unit must be writable by the actor and the person of the same organisation. */
    Tenure createTenure(Subject actor, Tenure tenure);

    /**
     * Adds many tenures in one transaction (generators, imports): all or nothing. Checks as
     * {@link #createTenure} but much faster than one call per tenure.
     *
     * @since 1.1
     */
    List<Tenure> createTenures(Subject actor, List<Tenure> tenures);

    /** Ends a tenure on {@code validTo} (its last day); it stays in the history. */
    Tenure endTenure(Subject actor, long tenureId, LocalDate validTo, long version);

    Tenure tenure(Subject actor, long id);

    /** Every tenure of a unit, current and former, newest first. */
    List<Tenure> tenuresOfUnit(Subject actor, long unitId);

    /** Every tenure of a person, current and former, newest first. */
    List<Tenure> tenuresOfPerson(Subject actor, long personId);

    /**
     * The current holders of many units at once (the unit list's holders column): for each unit the subject may
     * read, its tenures current on {@code day} with the holders' names. Units the subject may not read are left
     * out, as are units without a current holder.
     *
     * @since 1.2
     */
    Map<Long, List<Holding.Holder>> currentHolders(Subject actor, Collection<Long> unitIds, LocalDate day);

    // ---- the signed-in resident ----

    /** The units the subject holds or lives in today, with co-holders. */
    List<Holding> myUnits(Subject actor);

    /** The person linked to the subject's account. */
    Optional<Person> myPerson(Subject actor);

    /**
     * Changes the contact data of the person linked to the subject's account (audited).
     *
     * @throws org.domus.core.DomusException NOT_FOUND when no person is linked
     */
    Person updateMyContact(Subject actor, ContactData contact);
}
