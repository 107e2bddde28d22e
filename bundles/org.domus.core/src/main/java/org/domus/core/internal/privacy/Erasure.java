package org.domus.core.internal.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.persistence.EntityManager;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.AccountStatus;
import org.domus.core.internal.account.Audit;
import org.domus.core.internal.audit.FlatJson;
import org.domus.core.internal.jpa.AccountEntity;
import org.domus.core.internal.jpa.AuditEventEntity;
import org.domus.core.internal.registry.PersonRecords;
import org.domus.core.privacy.DataSubject;
import org.domus.core.privacy.ErasureReport;
import org.domus.core.privacy.ErasureReport.Item;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.Tenure;

/**
 * One erasure (or its dry run) inside the caller's transaction.
 *
 * <p>Rules, decided here: a person who holds a unit today or from a later day is refused (erasure is for
 * former residents; end the tenures first). Companies are refused (the GDPR protects natural persons),
 * and so are persons whose account holds a staff role (remove the roles first, so that an employee is
 * never erased by mistake) and the actor's own person. The person's account, if any, is disabled and
 * anonymised by the erasure itself rather than refused: a former resident's account is of no use to
 * anyone, and its sessions and tokens are deleted with it, so nobody stays signed in.
 *
 * <p>Kept: the person row as the placeholder "Erased person #id" (tenures and accounting records point
 * at it), the tenure history, the audit trail with every personal value replaced by {@link #ERASED},
 * sign-in times and outcomes without addresses and browsers, and the record of the erasure.
 */
final class Erasure {

    /** What replaces an erased value in the audit trail. */
    static final String ERASED = "[erased]";

    /** Fields of a person's audit states that hold personal data (everything but kind and ids). */
    private static final Set<String> PERSON_FIELDS = Set.of(
            "firstName", "lastName", "companyName", "registrationNumber", "email", "phone", "address", "bankAccount");

    /** Fields of an account's audit states that hold personal data. */
    private static final Set<String> ACCOUNT_FIELDS = Set.of("login", "displayName", "email");

    /** Shorter texts are too likely to occur in someone else's record to be swept from the whole trail. */
    private static final int SWEEP_MIN = 5;

    private final EntityManager em;
    private final Subject actor;
    private final Instant now;
    private final PrivacyTexts t;
    private final Clock clock;

    Erasure(EntityManager em, Subject actor, Instant now, PrivacyTexts texts, Clock clock) {
        this.em = em;
        this.actor = actor;
        this.now = now;
        this.t = texts;
        this.clock = clock;
    }

    static String pseudonym(long personId) {
        return "Erased person #" + personId;
    }

    static String pseudonymLogin(long accountId) {
        return "erased-" + accountId;
    }

    ErasureReport run(long personId, boolean dryRun) {
        Person person = PersonRecords.person(em, personId)
                .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "registry.person.not-found"));
        String pseudonym = pseudonym(personId);
        List<PersonErasureEntity> done = em.createQuery(
                        "SELECT e FROM PersonErasureEntity e WHERE e.personId = :p", PersonErasureEntity.class)
                .setParameter("p", personId)
                .getResultList();
        if (!done.isEmpty()) {
            String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                    .withLocale(t.locale())
                    .format(done.get(0).erasedAt.atZone(ZoneOffset.UTC));
            return new ErasureReport(
                    personId, false, true, pseudonym, t.get("erasure.already", day), List.of(), List.of(), now);
        }
        refuseUnlessErasable(person);

        Long accountId = person.accountId();
        AccountEntity account = accountId == null ? null : em.find(AccountEntity.class, accountId);
        List<Tenure> tenures = PersonRecords.tenures(em, personId);
        DataSubject subject = new DataSubject(personId, accountId, person.displayName());
        Set<AuditEventEntity> events = PlatformPersonalData.auditEvents(em, subject, tenures);

        List<Item> erased = new ArrayList<>();
        erased.add(item("name", 1));
        erased.add(item("contact", 1));
        erased.add(item("bank", person.bankAccount() == null ? 0 : 1));
        long logins = 0;
        if (account != null) {
            erased.add(item("account", 1));
            erased.add(item(
                    "credentials",
                    countByAccount("SessionEntity", accountId)
                            + countByAccount("AccessTokenEntity", accountId)
                            + countByAccount("RecoveryCodeEntity", accountId)
                            + countByAccount("TotpEntity", accountId)));
            erased.add(item("roles", countByAccount("AccountRoleEntity", accountId)));
            logins = countByAccount("LoginEventEntity", accountId);
            erased.add(item("logins", logins));
            erased.add(item("consents", countByAccount("ConsentEventEntity", accountId)));
        }
        erased.add(item("audit", events.size()));

        List<Item> kept = new ArrayList<>();
        kept.add(new Item("person", t.get("kept.person", pseudonym), 1, t.get("reason.person")));
        kept.add(kept("tenures", tenures.size()));
        kept.add(kept("audit", events.size()));
        if (account != null) {
            kept.add(kept("logins", logins));
        }
        kept.add(kept("erasure", 1));

        if (dryRun) {
            return new ErasureReport(personId, false, false, pseudonym, t.get("erasure.preview"), erased, kept, now);
        }

        // Every text that names the person, now and in the past, before anything is overwritten.
        Set<String> names = new LinkedHashSet<>();
        names.add(person.displayName());
        Set<String> sweep = new LinkedHashSet<>();
        sweep.add(person.displayName());
        sweep.add(person.email());
        sweep.add(person.phone());
        sweep.add(person.bankAccount());
        sweep.add(person.registrationNumber());
        String oldLogin = null;
        if (account != null) {
            oldLogin = account.getLogin();
            sweep.add(account.getLogin());
            sweep.add(account.getDisplayName());
            sweep.add(account.getEmail());
            // Token names are the holder's own words ("Jana's phone") and stand in the trail's token events.
            sweep.addAll(em.createQuery("SELECT k.name FROM AccessTokenEntity k WHERE k.accountId = :a", String.class)
                    .setParameter("a", accountId)
                    .getResultList());
        }
        for (AuditEventEntity e : events) {
            collectPast(e, names, sweep);
        }

        List<Long> tenureIds = tenures.stream().map(Tenure::id).toList();
        for (AuditEventEntity e : events) {
            redact(e, subject, tenureIds, oldLogin);
        }
        for (String name : names) {
            sweep.add(name.toLowerCase(Locale.ROOT));
        }
        List<String> texts = sweep.stream()
                .filter(Objects::nonNull)
                .filter(s -> s.strip().length() >= SWEEP_MIN)
                .toList();
        sweepAuditTrail(texts);

        for (String name : names) {
            PersonRecords.pseudonymiseUnitHistory(em, tenureIds, name, pseudonym);
        }
        PersonRecords.scrubUnitHistory(em, texts, ERASED);
        PersonRecords.anonymise(em, personId, "Erased person", "#" + personId);
        if (account != null) {
            eraseAccount(account, pseudonym, oldLogin);
        }

        PersonErasureEntity record = new PersonErasureEntity();
        record.personId = personId;
        record.accountId = accountId;
        record.erasedAt = now;
        record.actorId = actor == null || actor.accountId() <= 0 ? null : actor.accountId();
        record.actorLogin = actor == null ? Audit.SYSTEM : Audit.truncate(actor.login(), 128);
        em.persist(record);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("pseudonym", pseudonym);
        after.put("accountId", accountId);
        after.put("erased", erased.stream().map(Item::key).toList());
        after.put("kept", kept.stream().map(Item::key).toList());
        Audit.record(em, actor, now, "privacy.erasure", "person", personId, null, after);
        em.flush();
        return new ErasureReport(personId, true, false, pseudonym, t.get("erasure.done", pseudonym), erased, kept, now);
    }

    private void refuseUnlessErasable(Person person) {
        if (person.kind() == PersonKind.LEGAL) {
            throw new DomusException(Kind.CONFLICT, "privacy.erasure.legal-person");
        }
        LocalDate today = LocalDate.now(clock);
        boolean holds = PersonRecords.tenures(em, person.id()).stream()
                .anyMatch(x -> x.validTo() == null || !x.validTo().isBefore(today));
        if (holds) {
            throw new DomusException(Kind.CONFLICT, "privacy.erasure.current-tenure");
        }
        if (person.accountId() != null) {
            if (actor != null && actor.accountId() == person.accountId()) {
                throw new DomusException(Kind.CONFLICT, "privacy.erasure.self");
            }
            List<String> roles = em.createQuery(
                            "SELECT r.role FROM AccountRoleEntity r WHERE r.accountId = :a", String.class)
                    .setParameter("a", person.accountId())
                    .getResultList();
            if (roles.stream().anyMatch(r -> !Role.RESIDENT.name().equals(r))) {
                throw new DomusException(Kind.CONFLICT, "privacy.erasure.staff");
            }
        }
    }

    private long countByAccount(String entity, long accountId) {
        return em.createQuery("SELECT COUNT(x) FROM " + entity + " x WHERE x.accountId = :a", Long.class)
                .setParameter("a", accountId)
                .getSingleResult();
    }

    private Item item(String key, long count) {
        return new Item(key, t.get("item." + key), count, null);
    }

    private Item kept(String key, long count) {
        return new Item(key, t.get("kept." + key), count, t.get("reason." + key));
    }

    /** Names and personal values the person or account had in the past (kept in audit states). */
    private static void collectPast(AuditEventEntity e, Set<String> names, Set<String> sweep) {
        boolean person = "person".equals(e.getEntityType());
        boolean account = "account".equals(e.getEntityType());
        if (!person && !account) {
            return;
        }
        for (String state : new String[] {e.getBefore(), e.getAfter()}) {
            Map<String, Object> fields = parse(state);
            if (fields == null) {
                continue;
            }
            Set<String> personal = person ? PERSON_FIELDS : ACCOUNT_FIELDS;
            for (String f : personal) {
                Object v = fields.get(f);
                if (v instanceof String s
                        && !s.isBlank()
                        && !f.equals("firstName")
                        && !f.equals("lastName")
                        && !f.equals("address")) {
                    sweep.add(s);
                }
            }
            if (person) {
                String name = ((str(fields.get("firstName")) + " " + str(fields.get("lastName"))).strip());
                if (!name.isEmpty()) {
                    names.add(name);
                    sweep.add(name);
                }
                if (fields.get("companyName") instanceof String c && !c.isBlank()) {
                    sweep.add(c);
                }
            }
        }
    }

    /** Replaces the personal values of one event about the subject and renames the subject as actor. */
    private void redact(AuditEventEntity e, DataSubject subject, List<Long> tenureIds, String oldLogin) {
        Set<String> fields;
        if ("person".equals(e.getEntityType()) && Objects.equals(e.getEntityId(), str(subject.personId()))) {
            fields = PERSON_FIELDS;
        } else if ("account".equals(e.getEntityType()) && Objects.equals(e.getEntityId(), str(subject.accountId()))) {
            fields = ACCOUNT_FIELDS;
        } else if ("tenure".equals(e.getEntityType())
                && tenureIds.stream().anyMatch(id -> id.toString().equals(e.getEntityId()))) {
            fields = Set.of("person");
        } else {
            fields = Set.of();
        }
        String before = redactFields(e.getBefore(), fields);
        String after = redactFields(e.getAfter(), fields);
        String login = e.getActorLogin();
        if (subject.accountId() != null
                && (Objects.equals(e.getActorId(), subject.accountId()) || Objects.equals(login, oldLogin))) {
            login = pseudonymLogin(subject.accountId());
        }
        update(e, before, after, login);
    }

    private static String redactFields(String state, Set<String> fields) {
        if (state == null || fields.isEmpty()) {
            return state;
        }
        Map<String, Object> values = parse(state);
        if (values == null) {
            return ERASED; // not an object: it cannot be redacted field by field
        }
        for (String f : fields) {
            if (values.get(f) != null) {
                values.put(f, ERASED);
            }
        }
        return FlatJson.write(values);
    }

    /** Events anywhere in the trail whose states or actor still contain one of the texts. */
    private void sweepAuditTrail(List<String> texts) {
        for (String text : texts) {
            String like = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            List<AuditEventEntity> hits = em.createQuery(
                            "SELECT e FROM AuditEventEntity e WHERE e.before LIKE :t ESCAPE '!'"
                                    + " OR e.after LIKE :t ESCAPE '!' OR e.actorLogin = :exact",
                            AuditEventEntity.class)
                    .setParameter("t", like)
                    .setParameter("exact", text)
                    .getResultList();
            for (AuditEventEntity e : hits) {
                em.refresh(e); // an earlier bulk update in this transaction may have changed it
                update(
                        e,
                        replaceIn(e.getBefore(), text),
                        replaceIn(e.getAfter(), text),
                        text.equals(e.getActorLogin()) ? ERASED : e.getActorLogin());
            }
        }
    }

    /** The state with every value containing the text rewritten (the text replaced). */
    private static String replaceIn(String state, String text) {
        if (state == null || !state.contains(text)) {
            return state;
        }
        Map<String, Object> values = parse(state);
        if (values == null) {
            return state.replace(text, ERASED);
        }
        values.replaceAll((k, v) -> replaceValue(v, text));
        String rewritten = FlatJson.write(values);
        // A text that appears only in escaped form (quotes, backslashes) is replaced in the raw JSON too.
        return rewritten.contains(text) ? rewritten.replace(text, ERASED) : rewritten;
    }

    private static Object replaceValue(Object v, String text) {
        if (v instanceof String s) {
            return s.replace(text, ERASED);
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object o : list) {
                copy.add(replaceValue(o, text));
            }
            return copy;
        }
        return v;
    }

    private void update(AuditEventEntity e, String before, String after, String login) {
        if (Objects.equals(before, e.getBefore())
                && Objects.equals(after, e.getAfter())
                && Objects.equals(login, e.getActorLogin())) {
            return;
        }
        // The entity has no setters (the trail is written once); a targeted update is the exception.
        em.createQuery("UPDATE AuditEventEntity e SET e.before = :b, e.after = :a, e.actorLogin = :l WHERE e.id = :id")
                .setParameter("b", before)
                .setParameter("a", after)
                .setParameter("l", Audit.truncate(login, 128))
                .setParameter("id", e.getId())
                .executeUpdate();
    }

    private void eraseAccount(AccountEntity account, String pseudonym, String oldLogin) {
        long id = account.getId();
        String login = pseudonymLogin(id);
        for (String entity : List.of(
                "SessionEntity",
                "AccessTokenEntity",
                "RecoveryCodeEntity",
                "TotpEntity",
                "AccountRoleEntity",
                "ConsentEventEntity")) {
            em.createQuery("DELETE FROM " + entity + " x WHERE x.accountId = :a")
                    .setParameter("a", id)
                    .executeUpdate();
        }
        em.createQuery("UPDATE LoginEventEntity e SET e.login = :l, e.clientIp = NULL, e.userAgent = NULL"
                        + " WHERE e.accountId = :a OR e.login = :old")
                .setParameter("l", login)
                .setParameter("a", id)
                .setParameter("old", oldLogin)
                .executeUpdate();
        PersonRecords.renameActor(em, id, login);
        AccountEntity a = em.find(AccountEntity.class, id);
        em.refresh(a);
        a.setLogin(login);
        a.setDisplayName(pseudonym);
        a.setEmail(null);
        // Not a hash of anything: no password verifies against it.
        a.setPasswordHash("!erased");
        a.setStatus(AccountStatus.DISABLED.name());
        a.setMustChangePassword(false);
        a.setFailedAttempts(0);
        a.setLockedUntil(null);
        a.setLocale(null);
        em.flush();
    }

    private static Map<String, Object> parse(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return FlatJson.parse(state);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
