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

/** A server-side session, found by the SHA-256 of its token. */
@Entity
@Table(name = "CORE_SESSION")
@NamedQueries({
    @NamedQuery(name = SessionEntity.BY_HASH, query = "SELECT s FROM SessionEntity s WHERE s.tokenHash = :hash"),
    @NamedQuery(name = SessionEntity.DELETE_EXPIRED, query = "DELETE FROM SessionEntity s WHERE s.expiresAt < :now"),
    @NamedQuery(
            name = SessionEntity.DELETE_BY_ACCOUNT,
            query = "DELETE FROM SessionEntity s WHERE s.accountId = :accountId")
})
public class SessionEntity {

    public static final String BY_HASH = "CoreSession.byHash";
    public static final String DELETE_EXPIRED = "CoreSession.deleteExpired";
    public static final String DELETE_BY_ACCOUNT = "CoreSession.deleteByAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "TOKEN_HASH", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "LAST_SEEN_AT", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "CLIENT_IP", length = 64)
    private String clientIp;

    @Column(name = "USER_AGENT", length = 512)
    private String userAgent;

    protected SessionEntity() {}

    public SessionEntity(
            String tokenHash, long accountId, Instant createdAt, Instant expiresAt, String clientIp, String userAgent) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.createdAt = createdAt;
        this.lastSeenAt = createdAt;
        this.expiresAt = expiresAt;
        this.clientIp = clientIp;
        this.userAgent = userAgent;
    }

    public Long getId() {
        return id;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public long getAccountId() {
        return accountId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public void setLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = lastSeenAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public String getClientIp() {
        return clientIp;
    }

    public String getUserAgent() {
        return userAgent;
    }
}
