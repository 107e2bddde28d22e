package org.domus.communications.web.internal.messages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.component.upload.receivers.MultiFileMemoryBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.domus.communications.MessageFile;
import org.domus.communications.MessageService;
import org.domus.core.DomusException;
import org.domus.web.DomusUi;

/**
 * Files chosen for a new message. Each file is checked by the service when it arrives (type by content, size), so a
 * refused file is named at once and never kept; the message is sent with the kept ones.
 */
final class FileList extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    /** What the browser may send at most; the service's configured limit is what counts. */
    static final int MAX_BYTES = 25 * 1024 * 1024;

    private static final String[] TYPES = {
        "image/jpeg", "image/png", "image/gif", ".jpg", ".jpeg", ".png", ".gif", "application/pdf", ".pdf"
    };

    private final transient MessageService messages;
    private final List<MessageFile> files = new ArrayList<>();
    private final Div chosen = new Div();

    FileList(String id, MessageService messages) {
        this.messages = messages;
        setPadding(false);
        setSpacing(false);
        MultiFileMemoryBuffer buffer = new MultiFileMemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setId(id);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(TYPES);
        String button = DomusUi.translate("communications.messages.ui.files.add");
        upload.setUploadButton(new Button(button, VaadinIcon.PAPERCLIP.create()));
        upload.setDropLabel(new Span(DomusUi.translate("communications.messages.ui.files.drop")));
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(button).setMany(button));
        String drop = DomusUi.translate("communications.messages.ui.files.drop");
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(DomusUi.translate("communications.messages.ui.files.tooMany"))
                .setFileIsTooBig(DomusUi.translate("communications.messages.ui.files.tooBig"))
                .setIncorrectFileType(DomusUi.translate("communications.messages.ui.files.type")));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        upload.setI18n(i18n);
        upload.addSucceededListener(e -> received(e.getFileName(), read(buffer, e.getFileName())));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        upload.addFileRejectedListener(e -> DomusUi.showError(new DomusException(
                DomusException.Kind.INVALID, "communications.messages.ui.files.refused", e.getErrorMessage())));
        chosen.setId(id + "-chosen");
        add(chosen, upload);
    }

    private void received(String name, byte[] content) {
        if (files.size() >= messages.maxFilesPerMessage()) {
            DomusUi.showError(new DomusException(
                    DomusException.Kind.INVALID,
                    "communications.messages.attachment.too-many",
                    messages.maxFilesPerMessage()));
            return;
        }
        try {
            messages.check(name, content);
        } catch (DomusException e) {
            DomusUi.showError(e);
            return;
        }
        files.add(new MessageFile(name, content));
        show();
    }

    private void show() {
        chosen.removeAll();
        for (MessageFile f : List.copyOf(files)) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                files.remove(f);
                show();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.getElement()
                    .setAttribute("aria-label", DomusUi.translate("communications.messages.ui.files.remove"));
            HorizontalLayout row = new HorizontalLayout(new Span(f.name()), remove);
            row.addClassName("comm-file-chosen");
            chosen.add(row);
        }
    }

    List<MessageFile> files() {
        return List.copyOf(files);
    }

    void clear() {
        files.clear();
        show();
    }

    private static byte[] read(MultiFileMemoryBuffer buffer, String name) {
        try (InputStream in = buffer.getInputStream(name)) {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
