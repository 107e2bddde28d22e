package org.domus.tickets;

import java.math.BigDecimal;
import java.util.List;
import org.domus.core.Subject;

/**
 * Contractor companies and their workers, kept by staff with {@link TicketsPermissions#CONTRACTORS} on the
 * organisation and read by staff with {@link TicketsPermissions#READ} (assignment dialogs, map). Changes to
 * workers' personal data write audit events.
 */
public interface ContractorService {

    List<ContractorCompany> companies(Subject subject, long organisationId);

    ContractorCompany company(Subject subject, long companyId);

    /** Creates (id 0) or updates a company. */
    ContractorCompany saveCompany(Subject subject, ContractorCompany company);

    List<ContractorWorker> workers(Subject subject, long companyId);

    /**
     * Creates (id 0) or updates a worker. A linked account must hold the CONTRACTOR or TECHNICIAN role and is
     * linked to at most one worker per company.
     */
    ContractorWorker saveWorker(Subject subject, ContractorWorker worker);

    /** The worker records linked to the subject's account (a contractor may work for several companies). */
    List<ContractorWorker> me(Subject subject);

    /**
     * Reports the subject's current position for each worker record linked to its account; stored only where
     * the worker shares its position.
     */
    List<ContractorWorker> reportPosition(Subject subject, BigDecimal latitude, BigDecimal longitude);
}
