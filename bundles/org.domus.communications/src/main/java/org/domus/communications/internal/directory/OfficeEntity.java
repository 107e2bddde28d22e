package org.domus.communications.internal.directory;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.domus.communications.Office;
import org.domus.communications.OpeningHours;

@Entity
@Table(name = "COMM_OFFICE")
public class OfficeEntity extends ScopedEntity {

    @Column(name = "NAME", nullable = false, length = 200)
    String name;

    @Column(name = "ADDRESS", length = 300)
    String address;

    @Column(name = "PHONE", length = 40)
    String phone;

    @Column(name = "EMAIL", length = 200)
    String email;

    @Column(name = "CLOSED_DAYS", length = 1000)
    String closedDays;

    @Column(name = "NOTE", length = 500)
    String note;

    Office view(List<OpeningHours> hours) {
        return new Office(
                id, organisationId, scope(), name, address, phone, email, hours, parseDays(closedDays), note, version);
    }

    static String formatDays(List<LocalDate> days) {
        return days.isEmpty() ? null : days.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    static List<LocalDate> parseDays(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(LocalDate::parse).toList();
    }
}
