package org.domus.tickets.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.domus.tickets.Category;

@Entity
@Table(name = "TICKETS_CATEGORY")
public class CategoryEntity {

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

    @Column(name = "TRADE_GROUP", nullable = false, length = 32)
    String tradeGroup;

    @Column(name = "ACTIVE", nullable = false)
    boolean active;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    long version;

    Category view() {
        return new Category(id, organisationId, code, name, tradeGroup, active, version);
    }
}
