package org.domus.communications.internal.messages;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.domus.communications.MessageThread;
import org.domus.communications.MessageThreadState;
import org.domus.communications.MessageTopic;

@Entity
@Table(name = "COMM_THREAD")
public class ThreadEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Column(name = "ESTATE_ID", nullable = false)
    long estateId;

    @Column(name = "BUILDING_ID", nullable = false)
    long buildingId;

    @Column(name = "UNIT_ID", nullable = false)
    long unitId;

    @Column(name = "UNIT_LABEL", nullable = false, length = 300)
    String unitLabel;

    @Column(name = "TOPIC", nullable = false, length = 16)
    String topic;

    @Column(name = "SUBJECT", nullable = false, length = 200)
    String subject;

    @Column(name = "STATE", nullable = false, length = 16)
    String state;

    @Column(name = "RESIDENT_ID", nullable = false)
    long residentId;

    @Column(name = "RESIDENT_NAME", nullable = false, length = 200)
    String residentName;

    @Column(name = "ASSIGNEE_ID")
    Long assigneeId;

    @Column(name = "ASSIGNEE_NAME", length = 200)
    String assigneeName;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "LAST_MESSAGE_AT", nullable = false)
    Instant lastMessageAt;

    @Column(name = "LAST_MESSAGE_ID", nullable = false)
    long lastMessageId;

    @Column(name = "MESSAGE_COUNT", nullable = false)
    int messageCount;

    /** Whether the office ever wrote (decides OPEN or WAITING after a resident's message). */
    @Column(name = "OFFICE_WROTE", nullable = false)
    boolean officeWrote;

    @Version
    @Column(name = "VERSION", nullable = false)
    long version;

    MessageThread view(int unread) {
        return new MessageThread(
                id,
                organisationId,
                buildingId,
                unitId,
                unitLabel,
                MessageTopic.valueOf(topic),
                subject,
                MessageThreadState.valueOf(state),
                residentId,
                residentName,
                assigneeId,
                assigneeName,
                createdAt,
                lastMessageAt,
                lastMessageId,
                messageCount,
                unread,
                version);
    }

    MessageThreadState stateValue() {
        return MessageThreadState.valueOf(state);
    }
}
