package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.domus.core.access.ScopeType;
import org.domus.ledger.BillingRun;
import org.domus.ledger.BillingRunState;
import org.domus.ledger.BillingScope;

@Entity
@Table(name = "LEDGER_BILLING_RUN")
public class BillingRunEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Column(name = "SCOPE_TYPE", nullable = false, length = 16)
    String scopeType;

    @Column(name = "SCOPE_ID", nullable = false)
    long scopeId;

    @Column(name = "PERIOD", nullable = false)
    int period;

    /** {@code period:scope} while posted; null once reversed (unique while set). */
    @Column(name = "RUN_KEY", length = 64)
    String runKey;

    @Column(name = "STATE", nullable = false, length = 16)
    String state;

    @Column(name = "TRANSACTION_ID")
    Long transactionId;

    @Column(name = "REVERSAL_ID")
    Long reversalId;

    @Column(name = "UNITS", nullable = false)
    int units;

    @Column(name = "LINES", nullable = false)
    int lines;

    @Column(name = "TOTAL", nullable = false, precision = 19, scale = 2)
    BigDecimal total;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    String currency;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "ACTOR_ID")
    Long actorId;

    @Column(name = "ACTOR_LOGIN", nullable = false, length = 128)
    String actorLogin;

    @Column(name = "REVERSED_AT")
    Instant reversedAt;

    static String key(int period, BillingScope scope) {
        return period + ":" + scope;
    }

    BillingRun view() {
        return new BillingRun(
                id,
                organisationId,
                new BillingScope(ScopeType.valueOf(scopeType), scopeId),
                Books.yearMonth(period),
                BillingRunState.valueOf(state),
                transactionId,
                reversalId,
                units,
                lines,
                total,
                currency,
                createdAt,
                actorLogin);
    }
}
