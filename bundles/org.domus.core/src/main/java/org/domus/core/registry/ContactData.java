package org.domus.core.registry;

/**
 * The part of a person's data the person may change themself.
 *
 * @param email e-mail address, optional
 * @param phone phone number, optional
 * @param address correspondence address, optional
 * @param bankAccount IBAN, optional
 */
public record ContactData(String email, String phone, Address address, String bankAccount) {}
