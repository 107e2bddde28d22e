package org.domus.communications.internal.messages;

import java.time.Instant;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import org.domus.communications.Message;
import org.domus.communications.MessageAttachment;

@Entity
@Table(name = "COMM_MESSAGE")
public class MessageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "THREAD_ID", nullable = false)
    long threadId;

    @Column(name = "AUTHOR_ID", nullable = false)
    long authorId;

    @Column(name = "AUTHOR_NAME", nullable = false, length = 200)
    String authorName;

    @Column(name = "FROM_OFFICE", nullable = false)
    boolean fromOffice;

    @Lob
    @Column(name = "BODY", nullable = false)
    String body;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    Message view(List<MessageAttachment> attachments) {
        return new Message(id, threadId, authorId, authorName, fromOffice, body, createdAt, attachments);
    }
}
