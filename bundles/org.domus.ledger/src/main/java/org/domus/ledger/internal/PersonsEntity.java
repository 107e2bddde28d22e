package org.domus.ledger.internal;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.domus.ledger.PersonsDeclaration;

@Entity
@Table(name = "LEDGER_PERSONS")
public class PersonsEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "UNIT_ID", nullable = false)
    long unitId;

    @Column(name = "PERSONS", nullable = false)
    int persons;

    @Column(name = "VALID_FROM", nullable = false)
    LocalDate validFrom;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "ACTOR_LOGIN", nullable = false, length = 128)
    String actorLogin;

    PersonsDeclaration view() {
        return new PersonsDeclaration(id, unitId, persons, validFrom, createdAt, actorLogin);
    }
}
