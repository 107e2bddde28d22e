package org.domus.communications;

/**
 * Where an announcement is in its life. Staff decide DRAFT, publication and WITHDRAWN; SCHEDULED, PUBLISHED and
 * EXPIRED follow from the publish and expiry times compared with now, so an announcement becomes visible exactly
 * at its publish time and disappears at its expiry time without waiting for a job.
 */
public enum AnnouncementState {
    /** Being written; nobody but staff sees it, it can still be changed. */
    DRAFT,
    /** Released for a publish time still in the future; it can still be changed. */
    SCHEDULED,
    /** Visible to the residents it targets. */
    PUBLISHED,
    /** Its expiry time has passed; no longer in residents' feeds. */
    EXPIRED,
    /** Taken back by staff; no longer in residents' feeds. */
    WITHDRAWN;

    /** Whether staff may still change it (it has not been shown to anyone yet). */
    public boolean isEditable() {
        return this == DRAFT || this == SCHEDULED;
    }
}
