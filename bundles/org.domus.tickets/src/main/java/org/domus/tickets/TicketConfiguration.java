package org.domus.tickets;

import java.util.List;
import org.domus.core.Subject;

/**
 * Categories and deadline rules of an organisation. Reading needs {@link TicketsPermissions#READ} (or any
 * ticket capacity in the organisation: residents read active categories to submit); changes need
 * {@link TicketsPermissions#CONFIGURE} on the organisation.
 */
public interface TicketConfiguration {

    /** The organisation's categories; an organisation without any gets the default set on first use. */
    List<Category> categories(Subject subject, long organisationId);

    /** Creates (id 0) or updates a category; the code is unique in the organisation. */
    Category saveCategory(Subject subject, Category category);

    /** The organisation's deadline rules; defaults are created for an organisation without any. */
    List<DeadlineRule> deadlineRules(Subject subject, long organisationId);

    /** Creates (id 0) or updates a rule; one rule per organisation, category and priority. */
    DeadlineRule saveDeadlineRule(Subject subject, DeadlineRule rule);

    /** Removes a category-specific rule (the organisation's default rules cannot be removed). */
    void deleteDeadlineRule(Subject subject, long organisationId, long ruleId);
}
