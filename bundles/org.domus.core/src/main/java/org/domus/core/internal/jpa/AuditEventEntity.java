package org.domus.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** Who changed what and when, with the state before and after as JSON (never secrets). */
@Entity
@Table(name = "CORE_AUDIT_EVENT")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ACTOR_ID")
    private Long actorId;

    @Column(name = "ACTOR_LOGIN", nullable = false, length = 128)
    private String actorLogin;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Column(name = "ACTION_NAME", nullable = false, length = 64)
    private String action;

    @Column(name = "ENTITY_TYPE", nullable = false, length = 64)
    private String entityType;

    @Column(name = "ENTITY_ID", length = 64)
    private String entityId;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "BEFORE_STATE")
    private String before;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "AFTER_STATE")
    private String after;

    protected AuditEventEntity() {}

    public AuditEventEntity(
            Long actorId,
            String actorLogin,
            Instant occurredAt,
            String action,
            String entityType,
            String entityId,
            String before,
            String after) {
        this.actorId = actorId;
        this.actorLogin = actorLogin;
        this.occurredAt = occurredAt;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.before = before;
        this.after = after;
    }

    public Long getId() {
        return id;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorLogin() {
        return actorLogin;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}
