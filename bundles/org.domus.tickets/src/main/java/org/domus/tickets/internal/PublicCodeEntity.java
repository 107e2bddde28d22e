package org.domus.tickets.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "TICKETS_PUBLIC_CODE")
public class PublicCodeEntity {

    @Id
    @Column(name = "BUILDING_ID")
    Long buildingId;

    @Column(name = "CODE", nullable = false, length = 64)
    String code;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;
}
