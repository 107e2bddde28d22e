package org.domus.communications;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.domus.core.Subject;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.registry.Page;

/**
 * Announcements: staff write them for parts of the housing stock, residents read those addressed to units they
 * hold now.
 *
 * <p>Staff need {@link CommunicationsPermissions#ANNOUNCE} over every target to write, publish or withdraw, and
 * {@link CommunicationsPermissions#READ} to list and read (an announcement is in a staff member's scope when one
 * of its targets lies inside the scope or contains it). A resident sees published, unexpired announcements whose
 * targets match a unit they hold today (the unit, its staircase, building, estate or organisation); any other is
 * {@code NOT_FOUND} to them, and {@code FORBIDDEN} to staff outside their scope.
 *
 * <p>Bodies are sanitised on every write. When an announcement becomes visible (published now, or its publish
 * time came) the service posts {@link CommunicationsEvents#ANNOUNCEMENT_PUBLISHED} once, after commit, with
 * {@link CommunicationsEvents#ANNOUNCEMENT_ID}, {@link CommunicationsEvents#ORGANISATION_ID} and
 * {@link CommunicationsEvents#ACTOR_ACCOUNT_ID}, even with several nodes.
 */
public interface AnnouncementService {

    /** The largest page {@link #list} and {@link #feed} return. */
    int MAX_PAGE = 200;

    /** Longest title. */
    int MAX_TITLE = 200;

    /** Longest body, in characters of sanitised HTML. */
    int MAX_BODY = 20_000;

    /** Creates a draft. */
    Announcement create(Subject subject, AnnouncementInput input);

    /**
     * Changes a draft or a scheduled announcement (not one already shown); {@code input.version()} must be the
     * current version ({@code CONFLICT} otherwise). The organisation cannot change.
     */
    Announcement update(Subject subject, long id, AnnouncementInput input);

    /**
     * Releases a draft: visible at once when its publish time is absent or past (the publish time becomes now),
     * otherwise scheduled for it.
     */
    Announcement publish(Subject subject, long id, long version);

    /** Takes an announcement back (from any state but withdrawn): it leaves every feed. */
    Announcement withdraw(Subject subject, long id, long version);

    /** One announcement as staff see it. */
    Announcement get(Subject subject, long id);

    /** Announcements in the subject's scope, filtered, the newest first. */
    Page<Announcement> list(Subject subject, AnnouncementQuery query);

    /** "Read by N of M" with who read it. */
    AnnouncementReceipts receipts(Subject subject, long id);

    /**
     * How many residents the targets reach today, for the editor's "will reach M"; the subject needs
     * {@link CommunicationsPermissions#ANNOUNCE} over every target.
     */
    long reach(Subject subject, long organisationId, Collection<AudienceTarget> targets);

    /**
     * The resident's feed: published, unexpired announcements addressed to units they hold today, urgent first,
     * then the newest; each marked read or unread. Empty for subjects holding no unit.
     */
    List<AnnouncementNews> feed(Subject subject, int limit);

    /** How many announcements of {@link #feed} the resident has not opened. */
    long unread(Subject subject);

    /** Opens an announcement of the resident's feed and records that they read it (once per account). */
    AnnouncementNews open(Subject subject, long id);

    /** Records that the resident read it, without loading it (idempotent). */
    void markRead(Subject subject, long id);

    /**
     * The body as it would be stored: sanitised HTML (for the editor's preview). Refuses ({@code INVALID}) a body
     * that sanitises to nothing or is longer than {@link #MAX_BODY}.
     */
    String sanitise(String body);

    /**
     * A system method for delivery channels (the notification centre and e-mail, on
     * {@link CommunicationsEvents#ANNOUNCEMENT_PUBLISHED}): the announcement's content and targets, checking no
     * access. Empty when it does not exist or is not visible now (withdrawn, expired, not yet published): a late
     * event then delivers nothing.
     */
    Optional<AnnouncementDelivery> forDelivery(long id);
}
