package org.domus.core.internal.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.internal.account.Audit;
import org.domus.core.internal.registry.PersonRecords;
import org.domus.core.privacy.DataSubject;
import org.domus.core.privacy.ErasureReport;
import org.domus.core.privacy.PersonalDataContributor;
import org.domus.core.privacy.PersonalDataExport;
import org.domus.core.privacy.PersonalDataSection;
import org.domus.core.privacy.PersonalDataService;
import org.domus.core.privacy.PrivacyPermissions;
import org.domus.core.registry.Person;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Exports collect the platform's sections ({@link PlatformPersonalData}) and those of every registered
 * module contributor in one read transaction; erasure is {@link Erasure}, in one write transaction.
 */
@Component(service = PersonalDataService.class)
public class PersonalDataServiceImpl implements PersonalDataService {

    private final JpaTemplate jpa;
    private final AccessPolicy policy;
    private final Clock clock;
    private final PlatformPersonalData platform;
    private final List<PersonalDataContributor> modules = new CopyOnWriteArrayList<>();

    @Activate
    public PersonalDataServiceImpl(
            @Reference(target = PlatformPersonalData.UNIT_TARGET) JpaTemplate jpa,
            @Reference(target = PlatformPersonalData.SCHEMA_TARGET) MigratedSchema schema,
            @Reference AccessPolicy policy) {
        this(jpa, policy, Clock.systemUTC());
    }

    private PersonalDataServiceImpl(JpaTemplate jpa, AccessPolicy policy, Clock clock) {
        this.jpa = Objects.requireNonNull(jpa);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        this.platform = PlatformPersonalData.create(jpa, clock);
    }

    /** For tests and tools outside OSGi; module contributors are added with {@link #addContributor}. */
    public static PersonalDataServiceImpl create(JpaTemplate jpa, AccessPolicy policy, Clock clock) {
        return new PersonalDataServiceImpl(jpa, policy, clock);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addContributor(PersonalDataContributor contributor) {
        modules.add(contributor);
    }

    public void removeContributor(PersonalDataContributor contributor) {
        modules.remove(contributor);
    }

    @Override
    public PersonalDataExport exportMine(Subject actor, Locale locale) {
        if (actor == null || actor.accountId() <= 0) {
            throw new DomusException(Kind.UNAUTHENTICATED, "error.unauthenticated");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            Optional<Person> person = PersonRecords.personOfAccount(em, actor.accountId());
            String name = person.map(Person::displayName).orElse(actor.displayName());
            DataSubject subject = new DataSubject(person.map(Person::id).orElse(null), actor.accountId(), name);
            PersonalDataExport export = collect(subject, locale);
            Audit.record(
                    em,
                    actor,
                    export.generatedAt(),
                    "privacy.export",
                    "account",
                    actor.accountId(),
                    null,
                    described(export, "self"));
            return export;
        });
    }

    @Override
    public PersonalDataExport exportPerson(Subject actor, long personId, Locale locale) {
        policy.require(actor, PrivacyPermissions.EXPORT);
        return jpa.txExpr(TransactionType.Required, em -> {
            Person person = PersonRecords.person(em, personId)
                    .orElseThrow(() -> new DomusException(Kind.NOT_FOUND, "registry.person.not-found"));
            DataSubject subject = new DataSubject(person.id(), person.accountId(), person.displayName());
            PersonalDataExport export = collect(subject, locale);
            Audit.record(
                    em,
                    actor,
                    export.generatedAt(),
                    "privacy.export",
                    "person",
                    personId,
                    null,
                    described(export, "office"));
            return export;
        });
    }

    private PersonalDataExport collect(DataSubject subject, Locale locale) {
        Locale language = supported(locale);
        List<PersonalDataContributor> all = new ArrayList<>();
        all.add(platform);
        all.addAll(modules);
        all.sort(Comparator.comparingInt(PersonalDataContributor::order));
        List<PersonalDataSection> sections = new ArrayList<>();
        for (PersonalDataContributor c : all) {
            sections.addAll(c.sections(subject, language));
        }
        return new PersonalDataExport(
                subject.personId(),
                subject.accountId(),
                subject.displayName(),
                clock.instant(),
                language.toLanguageTag(),
                sections);
    }

    /** What the audit trail says about an export: which sections, for whom; never their content. */
    private static Map<String, Object> described(PersonalDataExport export, String requestedBy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestedBy", requestedBy);
        m.put("personId", export.personId());
        m.put("accountId", export.accountId());
        m.put(
                "sections",
                export.sections().stream().map(PersonalDataSection::id).toList());
        return m;
    }

    /** English, Czech, Polish or Romanian; anything else gets English. */
    static Locale supported(Locale locale) {
        if (locale != null) {
            for (String language : List.of("cs", "pl", "ro")) {
                if (language.equals(locale.getLanguage())) {
                    return new Locale(language);
                }
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public byte[] pdf(PersonalDataExport export) {
        return PersonalDataPdf.render(export);
    }

    @Override
    public ErasureReport erase(Subject actor, long personId, boolean dryRun, Locale locale) {
        policy.require(actor, PrivacyPermissions.ERASE);
        Instant now = clock.instant();
        PrivacyTexts texts = new PrivacyTexts(supported(locale));
        return jpa.txExpr(
                TransactionType.Required, em -> new Erasure(em, actor, now, texts, clock).run(personId, dryRun));
    }
}
