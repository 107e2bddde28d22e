package org.domus.tickets.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.domus.tickets.ContractorCompany;

@Entity
@Table(name = "TICKETS_COMPANY")
public class CompanyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Column(name = "NAME", nullable = false, length = 200)
    String name;

    @Column(name = "REGISTRATION_NUMBER", length = 32)
    String registrationNumber;

    @Column(name = "PHONE", length = 40)
    String phone;

    @Column(name = "EMAIL", length = 200)
    String email;

    @Column(name = "TRADE_GROUPS", nullable = false, length = 500)
    String groups;

    @Column(name = "ACTIVE", nullable = false)
    boolean active;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    long version;

    ContractorCompany view() {
        return new ContractorCompany(
                id, organisationId, name, registrationNumber, phone, email, Groups.parse(groups), active, version);
    }
}
