package org.domus.core.internal.registry;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of CORE_BUILDING. */
@Entity
@Table(name = "CORE_BUILDING")
public class BuildingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Version
    @Column(name = "VERSION")
    long version;

    @Column(name = "ESTATE_ID")
    long estateId;

    @Column(name = "ORGANISATION_ID")
    long organisationId;

    @Column(name = "STREET")
    String street;

    @Column(name = "STREET_KEY")
    String streetKey;

    @Column(name = "HOUSE_NUMBER")
    String number;

    @Column(name = "NUMBER_KEY")
    String numberKey;

    @Column(name = "CITY")
    String city;

    @Column(name = "POSTCODE")
    String postcode;

    @Column(name = "COUNTRY")
    String country;

    @Column(name = "LATITUDE", precision = 9, scale = 6)
    BigDecimal latitude;

    @Column(name = "LONGITUDE", precision = 9, scale = 6)
    BigDecimal longitude;
}
