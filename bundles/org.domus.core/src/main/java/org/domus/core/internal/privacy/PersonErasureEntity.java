package org.domus.core.internal.privacy;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of CORE_PERSON_ERASURE: a person whose personal data was erased, by whom and when. */
@Entity
@Table(name = "CORE_PERSON_ERASURE")
public class PersonErasureEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "PERSON_ID", nullable = false)
    long personId;

    @Column(name = "ACCOUNT_ID")
    Long accountId;

    @Column(name = "ERASED_AT", nullable = false)
    Instant erasedAt;

    @Column(name = "ACTOR_ID")
    Long actorId;

    @Column(name = "ACTOR_LOGIN", nullable = false, length = 128)
    String actorLogin;
}
