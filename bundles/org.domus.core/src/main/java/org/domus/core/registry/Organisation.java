package org.domus.core.registry;

/**
 * A cooperative, owners' association or rental company: the root of the registry.
 *
 * @param id database id, 0 for a new one
 * @param name the name
 * @param registrationNumber company registration number (IČO, KRS/NIP, CUI), optional
 * @param country ISO 3166-1 alpha-2 code
 * @param currency ISO 4217 code of its accounts
 * @param version optimistic-lock version; send back the one you read
 */
public record Organisation(
        long id, String name, String registrationNumber, String country, String currency, long version) {}
