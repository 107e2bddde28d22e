package org.domus.itest.sample.internal;

import java.time.Instant;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.persistence.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Stores the sample module's notes in its own table, SAMPLE_NOTE. */
@Component(service = NoteStore.class)
public class NoteStore {

    static final int MAX_LENGTH = 200;

    private final JpaTemplate jpa;

    @Activate
    public NoteStore(
            @Reference(target = "(osgi.unit.name=domus.sample)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.domus.itest.sample)") MigratedSchema schema) {
        this.jpa = jpa;
    }

    public List<NoteDto> list() {
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createQuery("select n from Note n order by n.id", Note.class).getResultList().stream()
                        .map(Note::toDto)
                        .toList());
    }

    public NoteDto add(Subject author, String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new DomusException(DomusException.Kind.INVALID, "sample.note.empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new DomusException(DomusException.Kind.INVALID, "sample.note.too-long", MAX_LENGTH);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            Note note = new Note(trimmed, author.login(), Instant.now());
            em.persist(note);
            em.flush();
            return note.toDto();
        });
    }
}
