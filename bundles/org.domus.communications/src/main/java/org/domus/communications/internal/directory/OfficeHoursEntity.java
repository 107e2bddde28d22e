package org.domus.communications.internal.directory;

import java.time.DayOfWeek;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.domus.communications.OpeningHours;

@Entity
@Table(name = "COMM_OFFICE_HOURS")
public class OfficeHoursEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "OFFICE_ID", nullable = false)
    long officeId;

    /** ISO day of week, 1 = Monday. */
    @Column(name = "DAY_OF_WEEK", nullable = false)
    int dayOfWeek;

    @Column(name = "FROM_MINUTE", nullable = false)
    int fromMinute;

    @Column(name = "TO_MINUTE", nullable = false)
    int toMinute;

    OpeningHours view() {
        return OpeningHours.of(DayOfWeek.of(dayOfWeek), fromMinute, toMinute);
    }
}
