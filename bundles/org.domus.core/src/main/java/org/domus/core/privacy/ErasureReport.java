package org.domus.core.privacy;

import java.time.Instant;
import java.util.List;

/**
 * What an erasure did (or, for a dry run, would do): what was erased and what was kept, with the reason
 * the law gives for keeping it. Texts are in the language asked for.
 *
 * @param personId the person
 * @param applied false for a dry run (nothing was changed)
 * @param alreadyErased the person had been erased before; nothing was changed
 * @param pseudonym the name the person's record carries after the erasure, e.g. "Erased person #123"
 * @param message a one-line summary for the user
 * @param erased what is (or would be) erased
 * @param kept what is (or would be) kept, each with its reason
 * @param at when (UTC)
 */
public record ErasureReport(
        long personId,
        boolean applied,
        boolean alreadyErased,
        String pseudonym,
        String message,
        List<Item> erased,
        List<Item> kept,
        Instant at) {

    public ErasureReport {
        erased = List.copyOf(erased);
        kept = List.copyOf(kept);
    }

    /**
     * One kind of data.
     *
     * @param key stable identifier, e.g. {@code contact} or {@code tenures}
     * @param label what it is, e.g. "Contact data: e-mail, phone, correspondence address"
     * @param count how many records it concerns (0 when not counted)
     * @param reason for kept data: why the law requires it kept; null for erased data
     */
    public record Item(String key, String label, long count, String reason) {}
}
