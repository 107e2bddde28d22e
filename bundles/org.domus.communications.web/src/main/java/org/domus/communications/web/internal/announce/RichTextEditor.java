package org.domus.communications.web.internal.announce;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * A small rich-text editor: a contenteditable area with a toolbar (bold, italic, heading, bullet and numbered
 * lists, link, remove formatting) driven by the browser's {@code document.execCommand}. The value is read back
 * from the browser when it is needed ({@link #read}); the server sanitises whatever comes back, so the editor
 * needs no trust.
 */
class RichTextEditor extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final Div content = new Div();

    RichTextEditor(String idPrefix) {
        setPadding(false);
        setSpacing(false);
        addClassName("communications-rich-text");
        HorizontalLayout toolbar = new HorizontalLayout();
        toolbar.setSpacing(false);
        toolbar.add(
                tool(idPrefix + "-bold", VaadinIcon.BOLD, "communications.announcements.ui.editor.bold", "bold", null),
                tool(
                        idPrefix + "-italic",
                        VaadinIcon.ITALIC,
                        "communications.announcements.ui.editor.italic",
                        "italic",
                        null),
                tool(
                        idPrefix + "-heading",
                        VaadinIcon.HEADER,
                        "communications.announcements.ui.editor.heading",
                        "formatBlock",
                        "h3"),
                tool(
                        idPrefix + "-bullets",
                        VaadinIcon.LIST_UL,
                        "communications.announcements.ui.editor.bullets",
                        "insertUnorderedList",
                        null),
                tool(
                        idPrefix + "-numbers",
                        VaadinIcon.LIST_OL,
                        "communications.announcements.ui.editor.numbers",
                        "insertOrderedList",
                        null));
        Button link = button(idPrefix + "-link", VaadinIcon.LINK, "communications.announcements.ui.editor.link");
        link.addClickListener(e -> content.getElement()
                .executeJs(
                        "this.focus(); const u = window.prompt($0, 'https://');"
                                + " if (u) { document.execCommand('createLink', false, u); }",
                        getTranslation("communications.announcements.ui.editor.linkPrompt")));
        Button clear = button(idPrefix + "-clear", VaadinIcon.ERASER, "communications.announcements.ui.editor.clear");
        clear.addClickListener(e -> content.getElement()
                .executeJs("this.focus(); document.execCommand('removeFormat', false, null);"
                        + " document.execCommand('unlink', false, null);"
                        + " document.execCommand('formatBlock', false, 'p');"));
        toolbar.add(link, clear);
        content.setId(idPrefix);
        content.getElement().setAttribute("contenteditable", "true");
        content.getElement().setAttribute("role", "textbox");
        content.getElement().setAttribute("aria-multiline", "true");
        content.getElement().setAttribute("aria-label", getTranslation("communications.announcements.ui.body"));
        content.setWidthFull();
        content.getStyle()
                .set("min-height", "10em")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-30pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-base-color)")
                .set("overflow", "auto");
        add(toolbar, content);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // New lines as paragraphs rather than divs.
        content.getElement().executeJs("document.execCommand('defaultParagraphSeparator', false, 'p');");
    }

    private Button tool(String id, VaadinIcon icon, String labelKey, String command, String argument) {
        Button b = button(id, icon, labelKey);
        b.addClickListener(e -> content.getElement()
                .executeJs("this.focus(); document.execCommand($0, false, $1);", command, argument));
        return b;
    }

    private Button button(String id, VaadinIcon icon, String labelKey) {
        Button b = new Button(icon.create());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        String label = getTranslation(labelKey);
        b.getElement().setAttribute("aria-label", label);
        b.getElement().setAttribute("title", label);
        return b;
    }

    /** Shows sanitised HTML (from the server) for editing. */
    void setValue(String html) {
        content.getElement().setProperty("innerHTML", html == null ? "" : html);
    }

    /** Reads what the browser holds now and passes it on (in the UI thread). */
    void read(SerializableConsumer<String> then) {
        content.getElement().executeJs("return this.innerHTML").then(String.class, then);
    }
}
