package org.domus.ledger.payment;

/** Renders payment calendars as iCalendar. A service of the ledger bundle, stateless and thread-safe. */
public interface PaymentCalendar {

    /** The media type of the result, for HTTP responses. */
    String MEDIA_TYPE = "text/calendar; charset=utf-8";

    /**
     * An RFC 5545 {@code VCALENDAR} with one all-day {@code VEVENT} per due date: {@code UID} stable per unit
     * and month, {@code DTSTART} as a {@code DATE}, a translated {@code SUMMARY} naming the unit and a
     * {@code DESCRIPTION} with the amount, the account and the payment reference. Lines end in CRLF and are
     * folded at 75 octets (never inside a UTF-8 character); text values escape {@code \ ; ,} and line breaks.
     *
     * @throws IllegalArgumentException when two dues share a unit and month (they would share a UID)
     */
    String render(PaymentCalendarFeed feed);
}
