package org.domus.tickets.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The module's settings from PID {@value #PID} ({@code etc/org.domus.tickets.cfg}).
 *
 * @param holidays extra non-working days on top of the country calendars (ISO dates)
 * @param residentsSeeBuildingTickets residents see building-wide tickets of buildings where they hold a unit
 * @param maxFileBytes largest attachment
 * @param maxFilesPerTicket most attachments per ticket (the protocol and signature included)
 * @param publicPerAddressPerHour public form submissions per client address and hour
 * @param publicPerCodePerDay public form submissions per building code and day
 * @param confirmOnBehalfAfterDays days after DONE from which the office may confirm for the requester (0: never)
 * @param pinRadiusMetres how far from the building's coordinates a pin may be
 */
public record TicketsSettings(
        Set<LocalDate> holidays,
        boolean residentsSeeBuildingTickets,
        long maxFileBytes,
        int maxFilesPerTicket,
        int publicPerAddressPerHour,
        int publicPerCodePerDay,
        int confirmOnBehalfAfterDays,
        int pinRadiusMetres) {

    static final String PID = "org.domus.tickets";

    @ObjectClassDefinition(name = "Domus tickets", description = "Tickets: visibility, uploads, public form limits")
    public @interface Config {
        @AttributeDefinition(
                description = "Extra holidays (yyyy-MM-dd, comma-separated) on top of the country calendar")
        String holidays() default "";

        @AttributeDefinition(
                description = "Residents see building-wide tickets of their buildings (without the requester)")
        boolean residents_seeBuildingTickets() default true;

        @AttributeDefinition(description = "Largest attachment in bytes")
        long uploads_maxBytes() default 10L * 1024 * 1024;

        @AttributeDefinition(description = "Most attachments per ticket")
        int uploads_maxPerTicket() default 20;

        @AttributeDefinition(description = "Public form: submissions per client address per hour")
        int public_perAddressPerHour() default 5;

        @AttributeDefinition(description = "Public form: submissions per building code per day")
        int public_perCodePerDay() default 50;

        @AttributeDefinition(
                description = "Days after DONE from which the office may confirm for the requester (0: never)")
        int confirmOnBehalfAfterDays() default 14;

        @AttributeDefinition(description = "How far (metres) a ticket's pin may be from the building")
        int pin_radiusMetres() default 300;
    }

    static TicketsSettings defaults() {
        return new TicketsSettings(Set.of(), true, 10L * 1024 * 1024, 20, 5, 50, 14, 300);
    }

    static TicketsSettings of(Config c) {
        Set<LocalDate> days = new TreeSet<>();
        if (c.holidays() != null) {
            for (String s : c.holidays().split("[,\\s]+")) {
                if (!s.isBlank()) {
                    try {
                        days.add(LocalDate.parse(s.strip()));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("holidays: not a date: " + s, e);
                    }
                }
            }
        }
        return new TicketsSettings(
                Set.copyOf(days),
                c.residents_seeBuildingTickets(),
                Math.max(1, c.uploads_maxBytes()),
                Math.max(1, c.uploads_maxPerTicket()),
                Math.max(1, c.public_perAddressPerHour()),
                Math.max(1, c.public_perCodePerDay()),
                Math.max(0, c.confirmOnBehalfAfterDays()),
                Math.max(10, c.pin_radiusMetres()));
    }

    TicketsSettings withHolidays(LocalDate... days) {
        return new TicketsSettings(
                Set.copyOf(Arrays.asList(days)),
                residentsSeeBuildingTickets,
                maxFileBytes,
                maxFilesPerTicket,
                publicPerAddressPerHour,
                publicPerCodePerDay,
                confirmOnBehalfAfterDays,
                pinRadiusMetres);
    }

    TicketsSettings withResidentsSeeBuildingTickets(boolean see) {
        return new TicketsSettings(
                holidays,
                see,
                maxFileBytes,
                maxFilesPerTicket,
                publicPerAddressPerHour,
                publicPerCodePerDay,
                confirmOnBehalfAfterDays,
                pinRadiusMetres);
    }
}
