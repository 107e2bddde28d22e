package org.domus.tickets.internal;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.domus.tickets.ContractorWorker;

@Entity
@Table(name = "TICKETS_WORKER")
public class WorkerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMPANY_ID", nullable = false)
    long companyId;

    @Column(name = "NAME", nullable = false, length = 200)
    String name;

    @Column(name = "PHONE", length = 40)
    String phone;

    @Column(name = "EMAIL", length = 200)
    String email;

    @Column(name = "TRADE_GROUPS", nullable = false, length = 500)
    String groups;

    @Column(name = "ACCOUNT_ID")
    Long accountId;

    @Column(name = "SHARES_POSITION", nullable = false)
    boolean sharesPosition;

    @Column(name = "LATITUDE", precision = 9, scale = 6)
    BigDecimal latitude;

    @Column(name = "LONGITUDE", precision = 9, scale = 6)
    BigDecimal longitude;

    @Column(name = "POSITION_AT")
    Instant positionAt;

    @Column(name = "ACTIVE", nullable = false)
    boolean active;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    long version;

    ContractorWorker view() {
        return new ContractorWorker(
                id,
                companyId,
                name,
                phone,
                email,
                Groups.parse(groups),
                accountId,
                sharesPosition,
                latitude,
                longitude,
                positionAt,
                active,
                version);
    }
}
