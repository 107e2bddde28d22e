package org.domus.core.privacy;

import java.util.Locale;
import org.domus.core.Subject;

/**
 * A person's rights to a copy of their data and to its erasure (GDPR arts. 15 and 17).
 *
 * <p>Exports collect the sections of every registered {@link PersonalDataContributor}. Erasure
 * anonymises a former resident in one transaction: it refuses ({@code CONFLICT}) while the person holds
 * a current or future tenure, when the person is a company, when their account holds staff roles, or
 * when the actor is the person; their account, if any, is disabled and anonymised as part of it. The
 * person's record stays as a pseudonymous placeholder so that tenure history and accounting records stay
 * consistent. Every export made by the office and every erasure is audited.
 */
public interface PersonalDataService {

    /**
     * Everything Domus holds about the signed-in account and the person linked to it.
     *
     * @param locale language of titles and labels
     */
    PersonalDataExport exportMine(Subject actor, Locale locale);

    /**
     * Everything Domus holds about a person and their account (a request made at the office); needs
     * {@link PrivacyPermissions#EXPORT}. Audited.
     *
     * @throws org.domus.core.DomusException FORBIDDEN without the permission, NOT_FOUND
     *     ({@code registry.person.not-found}) for an unknown person
     */
    PersonalDataExport exportPerson(Subject actor, long personId, Locale locale);

    /** The export as a readable A4 PDF in the export's language. */
    byte[] pdf(PersonalDataExport export);

    /**
     * Erases a former resident's personal data, or with {@code dryRun} only says what it would erase and
     * keep. Needs {@link PrivacyPermissions#ERASE}. Erasing an erased person changes nothing and says so.
     *
     * @throws org.domus.core.DomusException FORBIDDEN without the permission, NOT_FOUND for an unknown
     *     person, CONFLICT ({@code privacy.erasure.current-tenure}, {@code privacy.erasure.legal-person},
     *     {@code privacy.erasure.staff}, {@code privacy.erasure.self}) when the person may not be erased
     */
    ErasureReport erase(Subject actor, long personId, boolean dryRun, Locale locale);
}
