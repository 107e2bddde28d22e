package org.domus.communications.internal.announce;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One target of an announcement, with the ids of the organisation, estate and building it lies in. */
@Entity
@Table(name = "COMM_ANNOUNCEMENT_TARGET")
public class AnnouncementTargetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ANNOUNCEMENT_ID", nullable = false)
    long announcementId;

    @Column(name = "KIND", nullable = false, length = 16)
    String kind;

    @Column(name = "TARGET_ID", nullable = false)
    long targetId;

    @Column(name = "STAIRCASE", length = 32)
    String staircase;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Column(name = "ESTATE_ID")
    Long estateId;

    @Column(name = "BUILDING_ID")
    Long buildingId;
}
