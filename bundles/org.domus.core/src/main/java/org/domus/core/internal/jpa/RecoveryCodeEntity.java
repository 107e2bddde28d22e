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

/** A single-use recovery code for the second factor, stored as a hash. */
@Entity
@Table(name = "CORE_RECOVERY_CODE")
@NamedQueries({
    @NamedQuery(
            name = RecoveryCodeEntity.BY_ACCOUNT,
            query = "SELECT r FROM RecoveryCodeEntity r WHERE r.accountId = :accountId"),
    @NamedQuery(
            name = RecoveryCodeEntity.DELETE_BY_ACCOUNT,
            query = "DELETE FROM RecoveryCodeEntity r WHERE r.accountId = :accountId")
})
public class RecoveryCodeEntity {

    public static final String BY_ACCOUNT = "CoreRecoveryCode.byAccount";
    public static final String DELETE_BY_ACCOUNT = "CoreRecoveryCode.deleteByAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Column(name = "CODE_HASH", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "USED_AT")
    private Instant usedAt;

    protected RecoveryCodeEntity() {}

    public RecoveryCodeEntity(long accountId, String codeHash, Instant createdAt) {
        this.accountId = accountId;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public void setUsedAt(Instant usedAt) {
        this.usedAt = usedAt;
    }
}
