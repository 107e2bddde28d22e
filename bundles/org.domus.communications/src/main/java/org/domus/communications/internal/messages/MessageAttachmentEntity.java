package org.domus.communications.internal.messages;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.domus.communications.MessageAttachment;

@Entity
@Table(name = "COMM_MESSAGE_ATTACHMENT")
public class MessageAttachmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "MESSAGE_ID", nullable = false)
    long messageId;

    @Column(name = "THREAD_ID", nullable = false)
    long threadId;

    @Column(name = "NAME", nullable = false, length = 200)
    String name;

    @Column(name = "MEDIA_TYPE", nullable = false, length = 100)
    String mediaType;

    @Column(name = "SIZE_BYTES", nullable = false)
    long size;

    MessageAttachment view() {
        return new MessageAttachment(id, messageId, name, mediaType, size);
    }
}
