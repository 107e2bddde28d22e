package org.domus.core.privacy;

import java.time.Instant;
import java.util.List;

/**
 * Everything Domus holds about one person, in sections.
 *
 * @param personId the registry person, or null
 * @param accountId the user account, or null
 * @param name the person's name
 * @param generatedAt when the export was made (UTC)
 * @param language the language of titles, labels and notes (BCP 47 tag)
 * @param sections the sections of the platform and of every installed module
 */
public record PersonalDataExport(
        Long personId,
        Long accountId,
        String name,
        Instant generatedAt,
        String language,
        List<PersonalDataSection> sections) {

    public PersonalDataExport {
        sections = List.copyOf(sections);
    }
}
