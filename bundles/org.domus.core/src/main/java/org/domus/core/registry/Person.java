package org.domus.core.registry;

/**
 * A natural person or a legal entity known to the registry.
 *
 * @param id database id, 0 for a new one
 * @param organisationId the organisation whose registry holds the person
 * @param kind natural or legal
 * @param firstName given name (natural persons)
 * @param lastName family name (natural persons)
 * @param companyName name of a legal entity
 * @param registrationNumber company registration number (legal entities), optional
 * @param email e-mail address, optional
 * @param phone phone number, optional
 * @param address correspondence address, optional
 * @param bankAccount IBAN, optional
 * @param accountId the user account linked to this person, optional
 * @param version optimistic-lock version
 */
public record Person(
        long id,
        long organisationId,
        PersonKind kind,
        String firstName,
        String lastName,
        String companyName,
        String registrationNumber,
        String email,
        String phone,
        Address address,
        String bankAccount,
        Long accountId,
        long version) {

    /** The name to show: company name, or "first last". */
    public String displayName() {
        if (kind == PersonKind.LEGAL) {
            return companyName == null ? "" : companyName;
        }
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }
}
