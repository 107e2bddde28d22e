package org.domus.core.internal.registry;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of CORE_PERSON. */
@Entity
@Table(name = "CORE_PERSON")
public class PersonEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Version
    @Column(name = "VERSION")
    long version;

    @Column(name = "ORGANISATION_ID")
    long organisationId;

    @Column(name = "KIND")
    String kind;

    @Column(name = "FIRST_NAME")
    String firstName;

    @Column(name = "LAST_NAME")
    String lastName;

    @Column(name = "COMPANY_NAME")
    String companyName;

    @Column(name = "REG_NUMBER")
    String registrationNumber;

    @Column(name = "NAME_KEY")
    String nameKey;

    @Column(name = "EMAIL")
    String email;

    @Column(name = "PHONE")
    String phone;

    @Column(name = "ADDR_STREET")
    String addressStreet;

    @Column(name = "ADDR_CITY")
    String addressCity;

    @Column(name = "ADDR_POSTCODE")
    String addressPostcode;

    @Column(name = "ADDR_COUNTRY")
    String addressCountry;

    @Column(name = "BANK_ACCOUNT")
    String bankAccount;

    @Column(name = "ACCOUNT_ID")
    Long accountId;

    /** The office's own reference (member or customer number) that CSV imports find the person by. */
    @Column(name = "IMPORT_REF")
    String importRef;
}
