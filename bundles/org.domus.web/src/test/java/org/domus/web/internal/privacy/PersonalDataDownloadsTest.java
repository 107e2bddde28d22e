package org.domus.web.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domus.core.privacy.PersonalDataExport;
import org.domus.core.privacy.PersonalDataSection;
import org.junit.jupiter.api.Test;

class PersonalDataDownloadsTest {

    @Test
    void theJsonFileHasTheFieldsOfTheRestExport() throws Exception {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("email", "jana@example.cz");
        record.put("phone", null);
        record.put("current", true);
        PersonalDataExport export = new PersonalDataExport(
                5L,
                7L,
                "Jana Nováková",
                Instant.parse("2026-03-01T10:00:00Z"),
                "cs",
                List.of(new PersonalDataSection(
                        "platform.person",
                        "Záznam",
                        null,
                        List.of(new PersonalDataSection.Column("email", "E-mail")),
                        List.of(record))));
        JsonNode json = new ObjectMapper().readTree(PersonalDataDownloads.json(export));
        assertEquals("Jana Nováková", json.path("name").asText());
        assertEquals("2026-03-01T10:00:00Z", json.path("generatedAt").asText());
        JsonNode section = json.path("sections").get(0);
        assertEquals("platform.person", section.path("id").asText());
        assertEquals("E-mail", section.path("columns").get(0).path("label").asText());
        assertEquals(
                "jana@example.cz", section.path("records").get(0).path("email").asText());
        assertEquals(true, section.path("records").get(0).path("phone").isNull());
        assertEquals(true, section.path("records").get(0).path("current").asBoolean());
    }
}
