package org.domus.core.registry;

/**
 * A cooperative, owners' association or rental company: the root of the registry.
 *
 * @param id database id, 0 for a new one
 * @param name the name
 * @param registrationNumber company registration number (IČO, KRS, CUI/J-number), optional
 * @param country ISO 3166-1 alpha-2 code
 * @param currency ISO 4217 code of its accounts
 * @param iban the account residents pay into, an IBAN stored without spaces (mod-97 checked), optional; payment
 *     QR codes for CZK (SPAYD) and EUR (EPC) are printed only when it is known
 * @param bic the bank's BIC (8 or 11 characters), optional
 * @param accountName the recipient printed on payment orders (at most 70 characters), optional; the name is
 *     used when it is missing
 * @param taxId the tax number (DIČ, NIP, CUI/CIF), optional; a Polish NIP is 10 digits with its check digit,
 *     and the ZBP transfer code carries it
 * @param version optimistic-lock version; send back the one you read
 */
public record Organisation(
        long id,
        String name,
        String registrationNumber,
        String country,
        String currency,
        String iban,
        String bic,
        String accountName,
        String taxId,
        long version) {

    /** An organisation without bank details (they can be added later with an update). */
    public Organisation(
            long id, String name, String registrationNumber, String country, String currency, long version) {
        this(id, name, registrationNumber, country, currency, null, null, null, null, version);
    }

    /** The recipient payment orders name: the account name, else the organisation's name. */
    public String recipient() {
        return accountName == null || accountName.isBlank() ? name : accountName;
    }
}
