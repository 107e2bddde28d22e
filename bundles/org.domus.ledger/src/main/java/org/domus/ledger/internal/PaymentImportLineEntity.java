package org.domus.ledger.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A statement line posted as a payment; its key is unique in the organisation (never posted twice). */
@Entity
@Table(name = "LEDGER_PAYMENT_IMPORT_LINE")
public class PaymentImportLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "IMPORT_ID", nullable = false)
    long importId;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Column(name = "LINE_KEY", nullable = false, length = 128)
    String lineKey;

    @Column(name = "UNIT_ID", nullable = false)
    long unitId;

    @Column(name = "TRANSACTION_ID", nullable = false)
    long transactionId;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 2)
    BigDecimal amount;
}
