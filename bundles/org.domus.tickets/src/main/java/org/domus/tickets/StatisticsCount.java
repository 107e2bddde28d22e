package org.domus.tickets;

/**
 * One bar of a statistics breakdown.
 *
 * @param key the id (building, category, company) or the status name; {@code none} for unassigned
 * @param label what to show: the address, category or company name, the status name
 * @param count how many tickets
 */
public record StatisticsCount(String key, String label, long count) {}
