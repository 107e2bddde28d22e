package org.domus.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import org.domus.core.export.TableFormat;
import org.junit.jupiter.api.Test;

class TableDownloadsTest {

    private static HttpHeaders accepting(List<MediaType> types, List<Locale> languages) {
        return (HttpHeaders) Proxy.newProxyInstance(
                TableDownloadsTest.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getAcceptableMediaTypes" -> types;
                    case "getAcceptableLanguages" -> languages;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static final MediaType XLSX_TYPE =
            new MediaType("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Test
    void formatParameterWinsOverAcceptHeader() {
        HttpHeaders wantsXlsx = accepting(List.of(XLSX_TYPE), List.of());
        assertEquals(Optional.of(TableFormat.CSV), TableDownloads.requested("csv", wantsXlsx));
        assertEquals(Optional.empty(), TableDownloads.requested("JSON", wantsXlsx));
        assertEquals(Optional.of(TableFormat.XLSX), TableDownloads.requested(null, wantsXlsx));
    }

    @Test
    void acceptHeaderChoosesTheFirstKnownTypeAndJsonOrWildcardMeanJson() {
        assertEquals(
                Optional.of(TableFormat.CSV),
                TableDownloads.requested(null, accepting(List.of(new MediaType("text", "csv")), List.of())));
        assertEquals(
                Optional.empty(),
                TableDownloads.requested(
                        null, accepting(List.of(MediaType.APPLICATION_JSON_TYPE, XLSX_TYPE), List.of())));
        assertEquals(
                Optional.empty(),
                TableDownloads.requested(null, accepting(List.of(MediaType.WILDCARD_TYPE), List.of())));
        assertEquals(Optional.empty(), TableDownloads.requested("", null));
    }

    @Test
    void unknownFormatIsAValidationErrorOnTheFormatField() {
        ValidationException refused =
                assertThrows(ValidationException.class, () -> TableDownloads.requested("pdf", null));
        assertEquals("format", refused.violations().get(0).field());
        assertEquals("validation.one-of", refused.violations().get(0).messageKey());
    }

    @Test
    void languageFollowsAcceptLanguageAmongSupportedOnes() {
        Locale chosen = TableDownloads.language(
                accepting(List.of(), List.of(Locale.forLanguageTag("de"), Locale.forLanguageTag("pl-PL"))), null);
        assertEquals("pl", chosen.getLanguage());
        assertTrue(TableDownloads.language(null, null).getLanguage().equals("en"));
    }
}
