package org.domus.communications;

/**
 * A person of the administration that residents of a scope may contact, under a public role label.
 *
 * @param id database id, 0 for a new one
 * @param organisationId the organisation (given by the scope; ignored on input)
 * @param scope the buildings the person looks after
 * @param name the person's name
 * @param role the public role label, e.g. "Správce domu", "Księgowa"
 * @param phone phone number (a phone number or an e-mail address is required)
 * @param email e-mail address
 * @param accountId the staff account of the person, optional
 * @param version optimistic-lock version; send back the one you read
 */
public record StaffContact(
        long id,
        long organisationId,
        ContactScope scope,
        String name,
        String role,
        String phone,
        String email,
        Long accountId,
        long version) {}
