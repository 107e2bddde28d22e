package org.domus.core.privacy;

import java.util.List;
import java.util.Locale;

/**
 * What a module holds about a person, for the export a data subject may ask for (GDPR art. 15). A module
 * registers an implementation as an OSGi service; the platform calls every registered contributor for
 * each export (JSON and PDF alike), so a module's data appears in the export while the module is
 * installed.
 *
 * <pre>{@code
 * @Component
 * public class LedgerPersonalData implements PersonalDataContributor {
 *     public int order() { return 200; }
 *     public List<PersonalDataSection> sections(DataSubject subject, Locale locale) {
 *         if (subject.personId() == null) return List.of();
 *         List<Map<String, Object>> rows = ...; // the person's postings, newest first
 *         return List.of(new PersonalDataSection("ledger.postings", texts(locale).get("title"), null,
 *                 List.of(new Column("date", ...), new Column("amount", ...)), rows));
 *     }
 * }
 * }</pre>
 *
 * <p>Export everything about the subject and nothing about anyone else (no co-holders' contact data).
 * Never export password hashes, token secrets or second-factor seeds. Contributors run inside a read
 * transaction of the platform and must not write.
 *
 * @since 1.0
 */
public interface PersonalDataContributor {

    /** Position of this contributor's sections in the export; the platform's come first (0). */
    default int order() {
        return 100;
    }

    /**
     * The sections about this subject, in the given language; empty when the module holds nothing about
     * them.
     */
    List<PersonalDataSection> sections(DataSubject subject, Locale locale);
}
