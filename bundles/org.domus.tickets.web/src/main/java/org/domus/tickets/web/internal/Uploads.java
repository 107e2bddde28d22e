package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.component.upload.receivers.MultiFileMemoryBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.domus.core.DomusException;
import org.domus.web.DomusUi;

/**
 * File uploads of the tickets' views. The browser's checks (types offered in the file chooser, a size cap that
 * keeps a runaway file out of memory) are conveniences: what a file really is, and whether it may be stored,
 * the tickets service decides from its content, and its refusal is what the user reads.
 */
final class Uploads {

    /** A file as the browser sent it; the name is for display only. */
    record Received(String name, byte[] content) {}

    /** Photos and PDF documents (the report form, comments). */
    static final String[] PHOTOS_AND_DOCUMENTS = {
        "image/jpeg", "image/png", "image/gif", ".jpg", ".jpeg", ".png", ".gif", "application/pdf", ".pdf"
    };

    /** Photos only (the public form, the contractor's photos). */
    static final String[] PHOTOS = {"image/jpeg", "image/png", "image/gif", ".jpg", ".jpeg", ".png", ".gif"};

    /** Voice notes. */
    static final String[] AUDIO = {"audio/*", ".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".webm", ".aac"};

    /** What the browser may send at most; the service's own (configured) limits are usually lower. */
    static final int MAX_BYTES = 25 * 1024 * 1024;

    private Uploads() {}

    /**
     * An upload button that hands every file received to {@code received} and then clears its own list (the
     * view shows what it kept). A file the browser refuses (type, size) becomes a translated notification.
     */
    static Upload upload(String id, String buttonText, Consumer<Received> received, String... types) {
        MultiFileMemoryBuffer buffer = new MultiFileMemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setId(id);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(types);
        upload.setUploadButton(new Button(buttonText));
        Span drop = new Span(DomusUi.translate("tickets.ui.upload.drop"));
        // the theme greys the label below the contrast WCAG asks for
        drop.getStyle().set("color", "var(--lumo-body-text-color)");
        upload.setDropLabel(drop);
        upload.setI18n(texts(buttonText));
        upload.addSucceededListener(e -> received.accept(new Received(e.getFileName(), read(buffer, e.getFileName()))));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        upload.addFileRejectedListener(e -> DomusUi.showError(
                new DomusException(DomusException.Kind.INVALID, "tickets.ui.upload.refused", e.getErrorMessage())));
        return upload;
    }

    private static byte[] read(MultiFileMemoryBuffer buffer, String name) {
        try (InputStream in = buffer.getInputStream(name)) {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UploadI18N texts(String buttonText) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(buttonText).setMany(buttonText));
        String drop = DomusUi.translate("tickets.ui.upload.drop");
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(DomusUi.translate("tickets.ui.upload.tooMany"))
                .setFileIsTooBig(DomusUi.translate("tickets.ui.upload.tooBig", MAX_BYTES / (1024 * 1024)))
                .setIncorrectFileType(DomusUi.translate("tickets.ui.upload.type")));
        String failed = DomusUi.translate("tickets.ui.upload.failed");
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(DomusUi.translate("tickets.ui.upload.connecting"))
                        .setStalled(DomusUi.translate("tickets.ui.upload.stalled"))
                        .setProcessing(DomusUi.translate("tickets.ui.upload.processing"))
                        .setHeld(DomusUi.translate("tickets.ui.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(DomusUi.translate("tickets.ui.upload.remaining"))
                        .setUnknown(DomusUi.translate("tickets.ui.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(failed)
                        .setUnexpectedServerError(failed)
                        .setForbidden(failed)));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i18n;
    }
}
