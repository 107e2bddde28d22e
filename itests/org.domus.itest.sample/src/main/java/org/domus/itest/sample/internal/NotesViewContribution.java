package org.domus.itest.sample.internal;

import com.vaadin.flow.component.Component;
import org.domus.web.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

/** Puts the notes view into the shell's menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class NotesViewContribution implements ViewContribution {

    private final NoteStore store;

    @Activate
    public NotesViewContribution(@Reference NoteStore store) {
        this.store = store;
    }

    @Override
    public String route() {
        return "sample/notes";
    }

    @Override
    public Class<? extends Component> viewClass() {
        return NotesView.class;
    }

    @Override
    public String labelKey() {
        return "sample.menu.notes";
    }

    @Override
    public String icon() {
        return "NOTEBOOK";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public Component createView() {
        return new NotesView(store);
    }
}
