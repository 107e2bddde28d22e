package org.domus.persistence.jpa;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * Stores instants as UTC wall-clock {@code TIMESTAMP}s, so that the columns read the same in SQL on
 * every node whatever its time zone (Derby has no {@code TIMESTAMP WITH TIME ZONE}). JPA 2.1 has no
 * mapping for {@link Instant} of its own.
 *
 * <p>Module bundles list it in their persistence unit
 * ({@code <class>org.domus.persistence.jpa.UtcInstantConverter</class>}) and map {@code Instant}
 * fields to {@code TIMESTAMP} columns. Domus runs its JVM in UTC, so {@link Timestamp#valueOf} never
 * meets a daylight-saving gap.
 */
@Converter(autoApply = true)
public class UtcInstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
