package org.domus.tickets.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.domus.tickets.Deadline;
import org.domus.tickets.DeadlineRule;
import org.domus.tickets.DeadlineUnit;
import org.domus.tickets.TicketPriority;

@Entity
@Table(name = "TICKETS_DEADLINE_RULE")
public class DeadlineRuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Column(name = "CATEGORY_ID")
    Long categoryId;

    @Column(name = "PRIORITY", nullable = false, length = 16)
    String priority;

    @Column(name = "RULE_KEY", nullable = false, length = 64)
    String ruleKey;

    @Column(name = "RESPONSE_AMOUNT", nullable = false)
    int responseAmount;

    @Column(name = "RESPONSE_UNIT", nullable = false, length = 16)
    String responseUnit;

    @Column(name = "RESOLUTION_AMOUNT", nullable = false)
    int resolutionAmount;

    @Column(name = "RESOLUTION_UNIT", nullable = false, length = 16)
    String resolutionUnit;

    @Version
    @Column(name = "VERSION", nullable = false)
    long version;

    static String key(long organisationId, Long categoryId, TicketPriority priority) {
        return organisationId + ":" + (categoryId == null ? "*" : categoryId) + ":" + priority.name();
    }

    DeadlineRule view() {
        return new DeadlineRule(
                id,
                organisationId,
                categoryId,
                TicketPriority.valueOf(priority),
                new Deadline(responseAmount, DeadlineUnit.valueOf(responseUnit)),
                new Deadline(resolutionAmount, DeadlineUnit.valueOf(resolutionUnit)),
                version);
    }
}
