package org.domus.ledger.payment;

import java.time.Instant;
import java.util.Optional;
import org.domus.core.Subject;

/**
 * A resident's secret payment calendar URL, for calendar apps that cannot log in: the {@link PaymentCalendar}
 * of the due dates of the subject's current units. One feed per account; the secret is shown once, when
 * issued; issuing again rotates it (the old URL stops working) and revoking ends it; both are audited.
 */
public interface CalendarFeedService {

    /** The feed's URL path below the server's root for a secret, e.g. {@code /api/ledger/calendar/abc.ics}. */
    static String path(String secret) {
        return "/api/ledger/calendar/" + secret + ".ics";
    }

    /** A new secret for the subject's feed, replacing any earlier one; the only time the secret is seen. */
    String issue(Subject me);

    /** Revokes the subject's feed; false when there was none. */
    boolean revoke(Subject me);

    /** Whether the subject has a feed, and since when. */
    Optional<Instant> issuedAt(Subject me);
}
