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

/** A personal access token, found by the SHA-256 of its secret. */
@Entity
@Table(name = "CORE_ACCESS_TOKEN")
@NamedQueries({
    @NamedQuery(
            name = AccessTokenEntity.BY_HASH,
            query = "SELECT t FROM AccessTokenEntity t WHERE t.secretHash = :hash"),
    @NamedQuery(
            name = AccessTokenEntity.BY_ACCOUNT,
            query =
                    "SELECT t FROM AccessTokenEntity t WHERE t.accountId = :accountId ORDER BY t.createdAt DESC, t.id DESC")
})
public class AccessTokenEntity {

    public static final String BY_HASH = "CoreAccessToken.byHash";
    public static final String BY_ACCOUNT = "CoreAccessToken.byAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    @Column(name = "PREFIX", nullable = false, length = 16)
    private String prefix;

    @Column(name = "SECRET_HASH", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPIRES_AT")
    private Instant expiresAt;

    @Column(name = "LAST_USED_AT")
    private Instant lastUsedAt;

    @Column(name = "REVOKED", nullable = false)
    private boolean revoked;

    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    protected AccessTokenEntity() {}

    public AccessTokenEntity(
            long accountId, String name, String prefix, String secretHash, Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.name = name;
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public boolean isRevoked() {
        return revoked;
    }

    public void revoke(Instant at) {
        this.revoked = true;
        this.revokedAt = at;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
