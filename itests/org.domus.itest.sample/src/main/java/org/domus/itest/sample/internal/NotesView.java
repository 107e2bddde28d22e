package org.domus.itest.sample.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.domus.core.DomusException;
import org.domus.web.DomusUi;

/** Lists the notes and adds new ones. */
public class NotesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient NoteStore store;
    private final Grid<NoteDto> grid = new Grid<>();

    public NotesView(NoteStore store) {
        this.store = store;
        setId("sample-notes-view");
        H2 title = new H2(getTranslation("sample.notes.title"));
        TextField text = new TextField(getTranslation("sample.notes.text"));
        text.setId("sample-note-text");
        text.setMaxLength(NoteStore.MAX_LENGTH);
        Button add = new Button(getTranslation("sample.notes.add"), e -> {
            try {
                store.add(DomusUi.requireSubject(), text.getValue());
                text.clear();
                refresh();
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        add.setId("sample-note-add");
        grid.addColumn(NoteDto::text).setHeader(getTranslation("sample.notes.text"));
        grid.addColumn(NoteDto::author).setHeader(getTranslation("sample.notes.author"));
        grid.addColumn(NoteDto::createdAt).setHeader(getTranslation("sample.notes.created"));
        add(title, new HorizontalLayout(text, add), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(store.list());
    }
}
