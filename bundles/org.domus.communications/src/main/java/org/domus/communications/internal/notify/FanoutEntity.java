package org.domus.communications.internal.notify;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A row of COMM_FANOUT: one received event waiting to become notifications and e-mails, or done. The event
 * handler only stores it; {@link FanoutWorker} does the work in batches and moves {@link #doneThrough} along
 * with each batch's commit.
 */
@Entity
@Table(name = "COMM_FANOUT")
public class FanoutEntity {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "EVENT_KEY", nullable = false, length = 200)
    String eventKey;

    @Column(name = "TOPIC", nullable = false, length = 120)
    String topic;

    @Lob
    @Column(name = "PAYLOAD", nullable = false)
    String payload;

    @Column(name = "STATE", nullable = false, length = 16)
    String state;

    @Column(name = "DONE_THROUGH", nullable = false)
    long doneThrough;

    @Column(name = "ATTEMPTS", nullable = false)
    int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    Instant nextAttemptAt;

    @Column(name = "LAST_ERROR", length = 1000)
    String lastError;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "FINISHED_AT")
    Instant finishedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    long version;
}
