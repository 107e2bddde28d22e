package org.domus.tickets.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "TICKETS_TICKET")
public class TicketEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "REFERENCE", nullable = false, length = 32)
    String reference;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Column(name = "ESTATE_ID", nullable = false)
    long estateId;

    @Column(name = "BUILDING_ID", nullable = false)
    long buildingId;

    @Column(name = "UNIT_ID")
    Long unitId;

    @Column(name = "ADDRESS", nullable = false, length = 300)
    String address;

    @Column(name = "STREET", nullable = false, length = 200)
    String street;

    @Column(name = "AREA", nullable = false, length = 16)
    String area;

    @Column(name = "CATEGORY_ID", nullable = false)
    long categoryId;

    @Column(name = "PRIORITY", nullable = false, length = 16)
    String priority;

    @Column(name = "TITLE", nullable = false, length = 200)
    String title;

    @Column(name = "DESCRIPTION", nullable = false, length = 4000)
    String description;

    @Column(name = "STATUS", nullable = false, length = 16)
    String status;

    @Column(name = "SOURCE", nullable = false, length = 16)
    String source;

    @Column(name = "REQUESTER_ID")
    Long requesterId;

    @Column(name = "REQUESTER_NAME", length = 200)
    String requesterName;

    @Column(name = "CONTACT_EMAIL", length = 200)
    String contactEmail;

    @Column(name = "CONTACT_PHONE", length = 40)
    String contactPhone;

    @Column(name = "CONTACT_PREFERENCE", nullable = false, length = 16)
    String contactPreference;

    @Column(name = "REQUESTER_LANGUAGE", nullable = false, length = 8)
    String requesterLanguage;

    @Column(name = "LATITUDE", precision = 9, scale = 6)
    BigDecimal latitude;

    @Column(name = "LONGITUDE", precision = 9, scale = 6)
    BigDecimal longitude;

    @Column(name = "VISIT_FROM")
    LocalDateTime visitFrom;

    @Column(name = "VISIT_TO")
    LocalDateTime visitTo;

    @Column(name = "COMPANY_ID")
    Long companyId;

    @Column(name = "WORKER_ID")
    Long workerId;

    @Column(name = "ASSIGNED_AT")
    Instant assignedAt;

    @Column(name = "FIRST_ASSIGNED_AT")
    Instant firstAssignedAt;

    @Column(name = "ASSIGNMENT_ACCEPTED_AT")
    Instant assignmentAcceptedAt;

    @Column(name = "RESPONSE_DUE", nullable = false)
    Instant responseDue;

    @Column(name = "RESOLUTION_DUE", nullable = false)
    Instant resolutionDue;

    @Column(name = "RESPONDED_AT")
    Instant respondedAt;

    @Column(name = "RESOLVED_AT")
    Instant resolvedAt;

    @Column(name = "CONFIRMED_AT")
    Instant confirmedAt;

    @Column(name = "DONE_ON_TIME")
    Boolean doneOnTime;

    @Column(name = "MINUTES_SPENT", nullable = false)
    long minutesSpent;

    @Column(name = "RATING")
    Integer rating;

    @Column(name = "RATING_COMMENT", length = 2000)
    String ratingComment;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    Instant updatedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    long version;
}
