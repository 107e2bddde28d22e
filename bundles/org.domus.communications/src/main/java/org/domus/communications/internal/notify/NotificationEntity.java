package org.domus.communications.internal.notify;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.domus.communications.Notification;
import org.domus.communications.NotificationKind;

/** A row of COMM_NOTIFICATION: one entry of an account's notification centre. */
@Entity
@Table(name = "COMM_NOTIFICATION")
public class NotificationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    long accountId;

    @Column(name = "KIND", nullable = false, length = 24)
    String kind;

    @Column(name = "TITLE", nullable = false, length = 300)
    String title;

    @Column(name = "BODY", length = 2000)
    String body;

    @Column(name = "LINK", length = 300)
    String link;

    /** Unique per account: the same event never notifies an account twice. */
    @Column(name = "SOURCE_KEY", nullable = false, length = 200)
    String sourceKey;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "READ_AT")
    Instant readAt;

    Notification toApi() {
        return new Notification(id, NotificationKind.valueOf(kind), title, body, link, createdAt, readAt);
    }
}
