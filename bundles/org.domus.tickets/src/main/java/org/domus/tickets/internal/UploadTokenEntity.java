package org.domus.tickets.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "TICKETS_UPLOAD_TOKEN")
public class UploadTokenEntity {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    String tokenHash;

    @Column(name = "TICKET_ID", nullable = false)
    long ticketId;

    @Column(name = "EXPIRES_AT", nullable = false)
    Instant expiresAt;
}
