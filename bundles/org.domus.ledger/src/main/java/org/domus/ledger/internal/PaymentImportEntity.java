package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** An applied bank statement file. */
@Entity
@Table(name = "LEDGER_PAYMENT_IMPORT")
public class PaymentImportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Column(name = "FILE_SHA256", nullable = false, length = 64)
    String fileSha256;

    @Column(name = "FORMAT", nullable = false, length = 16)
    String format;

    @Column(name = "ENTRIES", nullable = false)
    int entries;

    @Column(name = "PAYMENTS", nullable = false)
    int payments;

    @Column(name = "TOTAL", nullable = false, precision = 19, scale = 2)
    BigDecimal total;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "ACTOR_LOGIN", nullable = false, length = 128)
    String actorLogin;
}
