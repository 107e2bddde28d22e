package org.domus.ledger.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.domus.ledger.ChargeBasis;
import org.domus.ledger.ChargeComponent;

@Entity
@Table(name = "LEDGER_COMPONENT")
public class ComponentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Column(name = "CODE", nullable = false, length = 32)
    String code;

    @Column(name = "NAME", nullable = false, length = 200)
    String name;

    @Column(name = "BASIS", nullable = false, length = 16)
    String basis;

    @Column(name = "PROVIDER", length = 64)
    String provider;

    @Column(name = "PRIORITY", nullable = false)
    int priority;

    @Column(name = "ACTIVE", nullable = false)
    boolean active;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    long version;

    ChargeComponent view() {
        return new ChargeComponent(
                id, organisationId, code, name, ChargeBasis.valueOf(basis), provider, priority, active, version);
    }
}
