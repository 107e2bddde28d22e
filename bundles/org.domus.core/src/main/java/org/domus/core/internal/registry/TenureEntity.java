package org.domus.core.internal.registry;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of CORE_TENURE; never deleted. */
@Entity
@Table(name = "CORE_TENURE")
public class TenureEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Version
    @Column(name = "VERSION")
    long version;

    @Column(name = "UNIT_ID")
    long unitId;

    @Column(name = "PERSON_ID")
    long personId;

    @Column(name = "ROLE_NAME")
    String role;

    @Column(name = "SHARE_NUM")
    Long shareNumerator;

    @Column(name = "SHARE_DEN")
    Long shareDenominator;

    @Column(name = "VALID_FROM")
    LocalDate validFrom;

    @Column(name = "VALID_TO")
    LocalDate validTo;
}
