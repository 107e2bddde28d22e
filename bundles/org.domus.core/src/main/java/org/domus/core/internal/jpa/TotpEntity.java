package org.domus.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** The TOTP state of one account; seeds are sealed with the key file, never stored in clear. */
@Entity
@Table(name = "CORE_ACCOUNT_TOTP")
public class TotpEntity {

    @Id
    @Column(name = "ACCOUNT_ID")
    private Long accountId;

    @Column(name = "SECRET_SEALED", length = 255)
    private String secretSealed;

    @Column(name = "PENDING_SECRET_SEALED", length = 255)
    private String pendingSecretSealed;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    @Column(name = "ENABLED_AT")
    private Instant enabledAt;

    @Column(name = "LAST_STEP", nullable = false)
    private long lastStep = -1;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected TotpEntity() {}

    public TotpEntity(long accountId) {
        this.accountId = accountId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getSecretSealed() {
        return secretSealed;
    }

    public void setSecretSealed(String secretSealed) {
        this.secretSealed = secretSealed;
    }

    public String getPendingSecretSealed() {
        return pendingSecretSealed;
    }

    public void setPendingSecretSealed(String pendingSecretSealed) {
        this.pendingSecretSealed = pendingSecretSealed;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getEnabledAt() {
        return enabledAt;
    }

    public void setEnabledAt(Instant enabledAt) {
        this.enabledAt = enabledAt;
    }

    public long getLastStep() {
        return lastStep;
    }

    public void setLastStep(long lastStep) {
        this.lastStep = lastStep;
    }
}
