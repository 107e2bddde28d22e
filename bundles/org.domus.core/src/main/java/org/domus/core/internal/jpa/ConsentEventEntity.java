package org.domus.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** One grant, revocation or terms acceptance; rows are only ever added. */
@Entity
@Table(name = "CORE_CONSENT_EVENT")
@NamedQueries({
    @NamedQuery(
            name = ConsentEventEntity.BY_ACCOUNT,
            query =
                    "SELECT c FROM ConsentEventEntity c WHERE c.accountId = :accountId ORDER BY c.occurredAt DESC, c.id DESC")
})
public class ConsentEventEntity {

    public static final String BY_ACCOUNT = "CoreConsentEvent.byAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Column(name = "CONSENT_KEY", nullable = false, length = 64)
    private String consentKey;

    @Column(name = "GRANTED", nullable = false)
    private boolean granted;

    @Column(name = "DOCUMENT_VERSION", length = 32)
    private String documentVersion;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    protected ConsentEventEntity() {}

    public ConsentEventEntity(
            long accountId, String consentKey, boolean granted, String documentVersion, Instant occurredAt) {
        this.accountId = accountId;
        this.consentKey = consentKey;
        this.granted = granted;
        this.documentVersion = documentVersion;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getConsentKey() {
        return consentKey;
    }

    public boolean isGranted() {
        return granted;
    }

    public String getDocumentVersion() {
        return documentVersion;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
