package org.domus.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration of the {@code domus} application. */
public final class JsonSupport {

    private JsonSupport() {}

    /**
     * A mapper that writes {@code java.time} values as ISO-8601 strings (Instant
     * {@code 2026-11-03T10:15:30Z}, LocalDate {@code 2026-11-03}, Duration {@code PT15M}) rather than
     * numbers, which clients in any language can parse without knowing Jackson's conventions.
     */
    public static ObjectMapper createMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        return mapper;
    }
}
