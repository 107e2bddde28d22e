package org.domus.web.internal.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.domus.core.privacy.PersonalDataExport;
import org.domus.core.privacy.PersonalDataSection;
import org.domus.core.privacy.PersonalDataService;

/**
 * "Download my data" as two links, JSON and PDF. The export is made when the link is followed, so it is
 * current and each download is audited by the service.
 */
public class PersonalDataDownloads extends Div {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param export makes the export (for the signed-in person, or for a person at the office)
     * @param fileName the file name without extension
     * @param idPrefix prefix of the links' ids
     */
    public PersonalDataDownloads(
            ExportSupplier export,
            PersonalDataService privacy,
            String fileName,
            String idPrefix,
            Function<String, String> text) {
        addClassName("personal-data-downloads");
        add(new Paragraph(text.apply("privacy.export.intro")));
        StreamResource json =
                new StreamResource(fileName + ".json", () -> new ByteArrayInputStream(json(export.get())));
        json.setContentType("application/json");
        json.setCacheTime(0);
        StreamResource pdf =
                new StreamResource(fileName + ".pdf", () -> new ByteArrayInputStream(privacy.pdf(export.get())));
        pdf.setContentType("application/pdf");
        pdf.setCacheTime(0);
        Anchor jsonLink = link(json, idPrefix + "-json", text.apply("privacy.export.json"));
        Anchor pdfLink = link(pdf, idPrefix + "-pdf", text.apply("privacy.export.pdf"));
        Div links = new Div(jsonLink, pdfLink);
        links.getStyle()
                .set("display", "flex")
                .set("gap", "var(--lumo-space-l)")
                .set("flex-wrap", "wrap");
        add(links);
    }

    /** A serialisable supplier of the export (Vaadin keeps the links in the session). */
    @FunctionalInterface
    public interface ExportSupplier extends Supplier<PersonalDataExport>, java.io.Serializable {}

    private static Anchor link(StreamResource resource, String id, String label) {
        Anchor a = new Anchor(resource, "");
        a.add(VaadinIcon.DOWNLOAD.create());
        a.add(" " + label);
        a.setId(id);
        a.getElement().setAttribute("download", true);
        return a;
    }

    /** The export as JSON, with the field names the REST API uses. */
    static byte[] json(PersonalDataExport export) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("personId", export.personId());
        root.put("accountId", export.accountId());
        root.put("name", export.name());
        root.put("generatedAt", export.generatedAt().toString());
        root.put("language", export.language());
        List<Map<String, Object>> sections =
                export.sections().stream().map(PersonalDataDownloads::section).toList();
        root.put("sections", sections);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the export holds only strings, numbers and booleans", e);
        }
    }

    private static Map<String, Object> section(PersonalDataSection s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("title", s.title());
        m.put("note", s.note());
        m.put(
                "columns",
                s.columns().stream()
                        .map(c -> Map.of("key", c.key(), "label", c.label()))
                        .toList());
        m.put("records", s.records());
        return m;
    }
}
