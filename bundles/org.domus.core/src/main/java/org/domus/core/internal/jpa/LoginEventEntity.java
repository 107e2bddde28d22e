package org.domus.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One login attempt or lockout, kept for the login history. */
@Entity
@Table(name = "CORE_LOGIN_EVENT")
@javax.persistence.NamedQuery(
        name = LoginEventEntity.BY_ACCOUNT,
        query = "SELECT e FROM LoginEventEntity e WHERE e.accountId = :accountId ORDER BY e.occurredAt DESC, e.id DESC")
public class LoginEventEntity {

    public static final String BY_ACCOUNT = "CoreLoginEvent.byAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ACCOUNT_ID")
    private Long accountId;

    @Column(name = "LOGIN", nullable = false, length = 128)
    private String login;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Column(name = "CLIENT_IP", length = 64)
    private String clientIp;

    @Column(name = "USER_AGENT", length = 512)
    private String userAgent;

    @Column(name = "OUTCOME", nullable = false, length = 32)
    private String outcome;

    protected LoginEventEntity() {}

    public LoginEventEntity(
            Long accountId, String login, Instant occurredAt, String clientIp, String userAgent, String outcome) {
        this.accountId = accountId;
        this.login = login;
        this.occurredAt = occurredAt;
        this.clientIp = clientIp;
        this.userAgent = userAgent;
        this.outcome = outcome;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getLogin() {
        return login;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getClientIp() {
        return clientIp;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getOutcome() {
        return outcome;
    }
}
