package org.domus.itest.sample.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "SAMPLE_NOTE")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "TEXT", nullable = false, length = 200)
    private String text;

    @Column(name = "AUTHOR_LOGIN", nullable = false, length = 64)
    private String authorLogin;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected Note() {}

    Note(String text, String authorLogin, Instant createdAt) {
        this.text = text;
        this.authorLogin = authorLogin;
        this.createdAt = createdAt;
    }

    NoteDto toDto() {
        return new NoteDto(id, text, authorLogin, createdAt);
    }
}
