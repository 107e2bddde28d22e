package org.domus.communications;

import java.time.Instant;
import java.util.List;

/**
 * "Read by N of M" of one announcement, with who read it and when.
 *
 * @param announcementId the announcement
 * @param readCount N: distinct accounts that opened it
 * @param audienceCount M: residents reached when it became visible ("will reach" for drafts and scheduled ones)
 * @param readers who opened it, the first reader first
 */
public record AnnouncementReceipts(long announcementId, long readCount, long audienceCount, List<Reader> readers) {

    public AnnouncementReceipts {
        readers = List.copyOf(readers);
    }

    /**
     * One account that opened the announcement.
     *
     * @param accountId the account
     * @param name its display name (empty when the account is gone or inactive)
     * @param readAt when it first opened it
     */
    public record Reader(long accountId, String name, Instant readAt) {}
}
