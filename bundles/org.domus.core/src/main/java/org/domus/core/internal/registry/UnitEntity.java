package org.domus.core.internal.registry;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of CORE_UNIT; estate, organisation and the building's sort keys are copied from the building. */
@Entity
@Table(name = "CORE_UNIT")
public class UnitEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Version
    @Column(name = "VERSION")
    long version;

    @Column(name = "BUILDING_ID")
    long buildingId;

    @Column(name = "ESTATE_ID")
    long estateId;

    @Column(name = "ORGANISATION_ID")
    long organisationId;

    @Column(name = "STREET_KEY")
    String streetKey;

    @Column(name = "BUILDING_KEY")
    String buildingKey;

    @Column(name = "UNIT_NUMBER")
    String number;

    @Column(name = "NUMBER_KEY")
    String numberKey;

    @Column(name = "KIND")
    String kind;

    @Column(name = "FLOOR_NO")
    Integer floor;

    @Column(name = "STAIRCASE", length = 16)
    String staircase;

    @Column(name = "AREA", precision = 10, scale = 2)
    BigDecimal area;

    @Column(name = "ROOMS")
    Integer rooms;

    @Column(name = "EQUIPMENT")
    String equipment;

    @Column(name = "SHARE_NUM")
    long shareNumerator;

    @Column(name = "SHARE_DEN")
    long shareDenominator;

    @Column(name = "LEGAL_FORM")
    String legalForm;

    @Column(name = "STATE")
    String state;

    @Column(name = "RENT_AMOUNT", precision = 14, scale = 2)
    BigDecimal rentAmount;

    @Column(name = "RENT_CURRENCY")
    String rentCurrency;

    @Column(name = "VARIABLE_SYMBOL")
    String variableSymbol;

    @Column(name = "VIRTUAL_ACCOUNT")
    String virtualAccount;

    /**
     * Search key of every current and former holder's name, kept by the registry with plain SQL (see
     * RegistryServiceImpl.refreshHolderKeys); never written through the entity.
     */
    @Column(name = "HOLDERS_KEY", insertable = false, updatable = false)
    String holdersKey;
}
