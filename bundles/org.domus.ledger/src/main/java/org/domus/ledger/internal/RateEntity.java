package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.domus.ledger.ChargeRate;
import org.domus.ledger.RateLevel;

@Entity
@Table(name = "LEDGER_RATE")
public class RateEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMPONENT_ID", nullable = false)
    long componentId;

    @Column(name = "SCOPE_TYPE", nullable = false, length = 16)
    String scopeType;

    @Column(name = "SCOPE_ID", nullable = false)
    long scopeId;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(name = "VALID_FROM", nullable = false)
    LocalDate validFrom;

    @Column(name = "VALID_TO")
    LocalDate validTo;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "ACTOR_LOGIN", nullable = false, length = 128)
    String actorLogin;

    ChargeRate view() {
        return new ChargeRate(id, componentId, RateLevel.valueOf(scopeType), scopeId, amount, validFrom, validTo);
    }
}
