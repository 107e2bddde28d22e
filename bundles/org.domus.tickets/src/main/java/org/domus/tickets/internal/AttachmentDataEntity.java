package org.domus.tickets.internal;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** An attachment's bytes, apart from its description so that lists never load them. */
@Entity
@Table(name = "TICKETS_ATTACHMENT_DATA")
public class AttachmentDataEntity {

    @Id
    @Column(name = "ATTACHMENT_ID")
    Long attachmentId;

    @Lob
    @Basic
    @Column(name = "CONTENT", nullable = false)
    byte[] content;
}
