package org.domus.core.internal.registry;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of CORE_ESTATE. */
@Entity
@Table(name = "CORE_ESTATE")
public class EstateEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Version
    @Column(name = "VERSION")
    long version;

    @Column(name = "ORGANISATION_ID")
    long organisationId;

    @Column(name = "NAME")
    String name;

    @Column(name = "NAME_KEY")
    String nameKey;
}
