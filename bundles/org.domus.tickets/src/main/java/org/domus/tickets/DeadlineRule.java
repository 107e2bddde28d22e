package org.domus.tickets;

/**
 * Response and resolution deadlines of an organisation for a priority, for one category or (categoryId
 * null) as the default for all. A ticket takes the rule of its category and priority, else the default rule
 * of its priority. An organisation without rules gets sensible defaults on first use: URGENT 2 h / 24 h,
 * HIGH 1 / 3 working days, NORMAL 2 / 10, LOW 5 / 20.
 *
 * @param id database id, 0 for a new one
 * @param organisationId the organisation
 * @param categoryId the category, or null for the organisation's default
 * @param priority the priority
 * @param response first response (accept or reject) within
 * @param resolution resolution (DONE) within
 * @param version optimistic-lock version
 */
public record DeadlineRule(
        long id,
        long organisationId,
        Long categoryId,
        TicketPriority priority,
        Deadline response,
        Deadline resolution,
        long version) {}
