package org.domus.communications.internal.announce;

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
import javax.persistence.Version;

@Entity
@Table(name = "COMM_ANNOUNCEMENT")
public class AnnouncementEntity {

    /** Stored states; SCHEDULED and EXPIRED are PUBLISHED compared with now. */
    static final String DRAFT = "DRAFT";

    static final String PUBLISHED = "PUBLISHED";
    static final String WITHDRAWN = "WITHDRAWN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ORGANISATION_ID", nullable = false)
    long organisationId;

    @Column(name = "TITLE", nullable = false, length = 200)
    String title;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "BODY", nullable = false)
    String body;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "BODY_TEXT", nullable = false)
    String bodyText;

    @Column(name = "URGENT", nullable = false)
    boolean urgent;

    @Column(name = "STATE", nullable = false, length = 16)
    String state;

    @Column(name = "PUBLISH_AT")
    Instant publishAt;

    @Column(name = "EXPIRES_AT")
    Instant expiresAt;

    @Column(name = "AUTHOR_ID")
    Long authorId;

    @Column(name = "AUTHOR_NAME", nullable = false, length = 200)
    String authorName;

    @Column(name = "AUDIENCE_COUNT")
    Long audienceCount;

    @Column(name = "PUBLISHED_EVENT_AT")
    Instant publishedEventAt;

    @Column(name = "WITHDRAWN_AT")
    Instant withdrawnAt;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    Instant updatedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    long version;
}
