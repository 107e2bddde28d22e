package org.domus.communications.internal.messages;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** How far an account has read a thread. */
@Entity
@Table(name = "COMM_THREAD_READ")
@IdClass(ThreadReadEntity.Key.class)
public class ThreadReadEntity {

    @Id
    @Column(name = "THREAD_ID")
    long threadId;

    @Id
    @Column(name = "ACCOUNT_ID")
    long accountId;

    @Column(name = "LAST_MESSAGE_ID", nullable = false)
    long lastMessageId;

    @Column(name = "READ_AT", nullable = false)
    Instant readAt;

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        long threadId;
        long accountId;

        public Key() {}

        Key(long threadId, long accountId) {
            this.threadId = threadId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.threadId == threadId && k.accountId == accountId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(threadId, accountId);
        }
    }
}
