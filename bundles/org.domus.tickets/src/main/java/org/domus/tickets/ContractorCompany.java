package org.domus.tickets;

import java.util.Set;

/**
 * A contractor company of an organisation (a record kept by staff with {@link TicketsPermissions#CONTRACTORS}).
 *
 * @param id database id, 0 for a new one
 * @param organisationId the organisation it works for
 * @param name the company's name
 * @param registrationNumber company registration number (IČO, NIP, CUI), optional
 * @param phone contact phone, optional
 * @param email contact e-mail, optional
 * @param groups the trades it serves (see {@link Category#group()})
 * @param active inactive companies get no new assignments
 * @param version optimistic-lock version
 */
public record ContractorCompany(
        long id,
        long organisationId,
        String name,
        String registrationNumber,
        String phone,
        String email,
        Set<String> groups,
        boolean active,
        long version) {

    public ContractorCompany {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
