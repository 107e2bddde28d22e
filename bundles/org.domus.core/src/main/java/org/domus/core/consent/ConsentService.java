package org.domus.core.consent;

import java.util.List;
import java.util.Map;
import org.domus.core.Subject;

/**
 * Terms of use and consents of the signed-in holder. Nothing is ever overwritten: every acceptance,
 * grant and revocation is a new, timestamped entry, and each writes an audit event.
 */
public interface ConsentService {

    /** Key of terms-of-use entries in the history. */
    String TERMS = "TERMS";

    /** The version of the terms of use in force (configuration {@code org.domus.core.identity}). */
    String currentTermsVersion();

    /** Whether the holder has accepted the terms in force; until then the UI shows nothing else. */
    boolean hasAcceptedCurrentTerms(long accountId);

    /**
     * Records acceptance of the terms in force.
     *
     * @throws org.domus.core.DomusException CONFLICT {@code consent.terms.outdated} when {@code version}
     *     is not the version in force (the holder read an older text)
     */
    void acceptTerms(Subject holder, String version);

    /** Current state of every consent kind (false when never granted). */
    Map<ConsentKind, Boolean> current(long accountId);

    /** Grants or revokes one consent; setting the current state again records nothing. */
    void set(Subject holder, ConsentKind kind, boolean granted);

    /** The holder's full history, newest first. */
    List<ConsentEvent> history(long accountId);
}
