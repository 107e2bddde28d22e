package org.domus.ledger.internal.ical;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.domus.ledger.internal.statement.Texts;
import org.domus.ledger.payment.PaymentCalendar;
import org.domus.ledger.payment.PaymentCalendarFeed;
import org.domus.ledger.payment.PaymentDue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The payment calendar as iCalendar (RFC 5545). Events are all-day and transparent (they do not block
 * time); {@code DTSTAMP} is the moment the feed was made, as the RFC asks for a published calendar.
 */
@Component(service = PaymentCalendar.class)
public class PaymentCalendarImpl implements PaymentCalendar {

    static final String PRODID = "-//Domus//Ledger payment calendar//EN";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter MONTH_ID = DateTimeFormatter.ofPattern("yyyyMM", Locale.ROOT);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Clock clock;

    @Activate
    public PaymentCalendarImpl() {
        this(Clock.systemUTC());
    }

    public PaymentCalendarImpl(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String render(PaymentCalendarFeed feed) {
        Texts t = Texts.of(feed.language());
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL yyyy", t.locale());
        Set<String> uids = new HashSet<>();
        String stamp = STAMP.format(Instant.now(clock));

        ContentLines ics = new ContentLines()
                .raw("BEGIN", "VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", PRODID)
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text(
                        "X-WR-CALNAME",
                        feed.name() == null || feed.name().isBlank() ? t.get("ledger.calendar.name") : feed.name());
        List<PaymentDue> dues = feed.dues().stream()
                .sorted(Comparator.comparing(PaymentDue::dueDate).thenComparing(PaymentDue::unitId))
                .toList();
        for (PaymentDue due : dues) {
            String uid = "ledger-due-" + due.unitId() + "-" + due.month().format(MONTH_ID) + "@" + feed.uidDomain();
            if (!uids.add(uid)) {
                throw new IllegalArgumentException("Two due dates for unit " + due.unitId() + " in " + due.month()
                        + " would share the UID " + uid);
            }
            StringBuilder description = new StringBuilder()
                    .append(t.get("ledger.calendar.month", monthName.format(due.month())))
                    .append('\n')
                    .append(t.get("ledger.calendar.amount", t.money(due.amount(), due.currency())));
            if (due.account() != null && !due.account().isBlank()) {
                description.append('\n').append(t.get("ledger.calendar.account", Texts.account(due.account())));
            }
            if (due.reference() != null && !due.reference().isBlank()) {
                String key = t.has("ledger.calendar.reference." + due.currency())
                        ? "ledger.calendar.reference." + due.currency()
                        : "ledger.calendar.reference";
                description.append('\n').append(t.get(key, due.reference().strip()));
            }
            ics.raw("BEGIN", "VEVENT")
                    .raw("UID", uid)
                    .raw("DTSTAMP", stamp)
                    .raw("DTSTART;VALUE=DATE", DATE.format(due.dueDate()))
                    .raw("DTEND;VALUE=DATE", DATE.format(due.dueDate().plusDays(1)))
                    .text("SUMMARY", t.get("ledger.calendar.summary", due.unitLabel()))
                    .text("DESCRIPTION", description.toString())
                    .raw("TRANSP", "TRANSPARENT")
                    .raw("END", "VEVENT");
        }
        return ics.raw("END", "VCALENDAR").toString();
    }
}
