package org.domus.core.internal.registry;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of CORE_ORGANISATION; fields are package-private, used by the registry service only. */
@Entity
@Table(name = "CORE_ORGANISATION")
public class OrganisationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Version
    @Column(name = "VERSION")
    long version;

    @Column(name = "NAME")
    String name;

    @Column(name = "REG_NUMBER")
    String registrationNumber;

    @Column(name = "COUNTRY")
    String country;

    @Column(name = "CURRENCY")
    String currency;

    @Column(name = "IBAN_NUMBER")
    String iban;

    @Column(name = "BIC")
    String bic;

    @Column(name = "ACCOUNT_NAME")
    String accountName;

    @Column(name = "TAX_ID")
    String taxId;
}
