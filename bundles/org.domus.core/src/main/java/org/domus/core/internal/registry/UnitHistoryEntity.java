package org.domus.core.internal.registry;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of CORE_UNIT_HISTORY; append-only. */
@Entity
@Table(name = "CORE_UNIT_HISTORY")
public class UnitHistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "UNIT_ID")
    long unitId;

    @Column(name = "OCCURRED_AT")
    Instant occurredAt;

    @Column(name = "ACTOR_ID")
    Long actorId;

    @Column(name = "ACTOR_LOGIN")
    String actorLogin;

    @Column(name = "FIELD_NAME")
    String field;

    @Column(name = "BEFORE_VALUE")
    String before;

    @Column(name = "AFTER_VALUE")
    String after;
}
