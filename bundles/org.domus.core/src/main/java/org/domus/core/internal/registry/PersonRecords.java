package org.domus.core.internal.registry;

import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.domus.core.registry.Building;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.Unit;

/**
 * The registry rows of one person for the personal-data export and erasure
 * ({@code org.domus.core.internal.privacy}), which work on them without access checks of the registry:
 * the privacy service decides who may. Runs in the caller's transaction.
 */
public final class PersonRecords {

    private PersonRecords() {}

    public static Optional<Person> person(EntityManager em, long id) {
        return Optional.ofNullable(em.find(PersonEntity.class, id)).map(RegistryServiceImpl::view);
    }

    /** The person linked to an account, if any. */
    public static Optional<Person> personOfAccount(EntityManager em, long accountId) {
        return em
                .createQuery("SELECT p FROM PersonEntity p WHERE p.accountId = :a", PersonEntity.class)
                .setParameter("a", accountId)
                .getResultList()
                .stream()
                .findFirst()
                .map(RegistryServiceImpl::view);
    }

    /** Every tenure of the person, current and former, newest first. */
    public static List<Tenure> tenures(EntityManager em, long personId) {
        return em
                .createQuery(
                        "SELECT t FROM TenureEntity t WHERE t.personId = :p ORDER BY t.validFrom DESC, t.id DESC",
                        TenureEntity.class)
                .setParameter("p", personId)
                .getResultList()
                .stream()
                .map(RegistryServiceImpl::view)
                .toList();
    }

    public static Optional<Unit> unit(EntityManager em, long id) {
        return Optional.ofNullable(em.find(UnitEntity.class, id)).map(RegistryServiceImpl::view);
    }

    public static Optional<Building> building(EntityManager em, long id) {
        return Optional.ofNullable(em.find(BuildingEntity.class, id)).map(RegistryServiceImpl::view);
    }

    public static Optional<Organisation> organisation(EntityManager em, long id) {
        return Optional.ofNullable(em.find(OrganisationEntity.class, id)).map(RegistryServiceImpl::view);
    }

    /**
     * Replaces the person's name and every personal field by the pseudonym and unlinks the account; the
     * row, its id and organisation stay (tenures and accounting records point at it).
     *
     * @return the person after the change
     */
    public static Person anonymise(EntityManager em, long personId, String firstName, String lastName) {
        PersonEntity e = em.find(PersonEntity.class, personId);
        e.firstName = firstName;
        e.lastName = lastName;
        e.companyName = null;
        e.registrationNumber = null;
        e.nameKey = Checks.key(firstName + " " + lastName);
        e.email = null;
        e.phone = null;
        e.addressStreet = null;
        e.addressCity = null;
        e.addressPostcode = null;
        e.addressCountry = null;
        e.bankAccount = null;
        // the office's member/customer number from imports links the row back to the person
        e.importRef = null;
        e.accountId = null;
        em.flush();
        // the units' holder-name search key held the old name too
        RegistryServiceImpl.refreshHolderKeys(em, RegistryServiceImpl.unitsHeldBy(em, personId));
        return RegistryServiceImpl.view(e);
    }

    /**
     * Rewrites the unit history entries of the given tenures ({@code tenure.<id>} fields, which name the
     * holder) with the pseudonym in place of the name.
     *
     * @return how many entries changed
     */
    public static int pseudonymiseUnitHistory(EntityManager em, List<Long> tenureIds, String name, String pseudonym) {
        int changed = 0;
        for (Long id : tenureIds) {
            List<UnitHistoryEntity> rows = em.createQuery(
                            "SELECT h FROM UnitHistoryEntity h WHERE h.field = :f", UnitHistoryEntity.class)
                    .setParameter("f", "tenure." + id)
                    .getResultList();
            for (UnitHistoryEntity h : rows) {
                String before = replace(h.before, name, pseudonym);
                String after = replace(h.after, name, pseudonym);
                if (!java.util.Objects.equals(before, h.before) || !java.util.Objects.equals(after, h.after)) {
                    h.before = before;
                    h.after = after;
                    changed++;
                }
            }
        }
        return changed;
    }

    /**
     * Unit history entries (any field) whose values contain one of the texts; each such text is replaced.
     * For values the targeted rewrites did not reach (an old name in a free-text field).
     *
     * @return how many entries changed
     */
    public static int scrubUnitHistory(EntityManager em, List<String> texts, String replacement) {
        int changed = 0;
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String like = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            List<UnitHistoryEntity> rows = em.createQuery(
                            "SELECT h FROM UnitHistoryEntity h WHERE h.before LIKE :t ESCAPE '!'"
                                    + " OR h.after LIKE :t ESCAPE '!' OR h.actorLogin = :exact",
                            UnitHistoryEntity.class)
                    .setParameter("t", like)
                    .setParameter("exact", text)
                    .getResultList();
            for (UnitHistoryEntity h : rows) {
                h.before = replace(h.before, text, replacement);
                h.after = replace(h.after, text, replacement);
                if (text.equals(h.actorLogin)) {
                    h.actorLogin = replacement;
                }
                changed++;
            }
        }
        return changed;
    }

    /** Sets the actor login of the account's unit history entries. */
    public static int renameActor(EntityManager em, long accountId, String login) {
        return em.createQuery("UPDATE UnitHistoryEntity h SET h.actorLogin = :l WHERE h.actorId = :a")
                .setParameter("l", login)
                .setParameter("a", accountId)
                .executeUpdate();
    }

    private static String replace(String value, String text, String replacement) {
        return value == null || text == null || text.isEmpty() ? value : value.replace(text, replacement);
    }
}
