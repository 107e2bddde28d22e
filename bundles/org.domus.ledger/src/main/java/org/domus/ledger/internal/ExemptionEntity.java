package org.domus.ledger.internal;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.domus.ledger.Exemption;

@Entity
@Table(name = "LEDGER_EXEMPTION")
public class ExemptionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMPONENT_ID", nullable = false)
    long componentId;

    @Column(name = "UNIT_ID", nullable = false)
    long unitId;

    @Column(name = "VALID_FROM", nullable = false)
    LocalDate validFrom;

    @Column(name = "VALID_TO")
    LocalDate validTo;

    @Column(name = "REASON", length = 200)
    String reason;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "ACTOR_LOGIN", nullable = false, length = 128)
    String actorLogin;

    Exemption view() {
        return new Exemption(id, componentId, unitId, validFrom, validTo, reason);
    }
}
