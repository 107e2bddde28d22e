package org.domus.core.privacy;

/**
 * The person whose data is exported or erased: a registry person, their user account, or both.
 *
 * @param personId the registry person, or null for an account without a person
 * @param accountId the user account, or null for a person without an account
 * @param displayName the name to head the export with (before any erasure)
 */
public record DataSubject(Long personId, Long accountId, String displayName) {

    public DataSubject {
        if (personId == null && accountId == null) {
            throw new IllegalArgumentException("a data subject is a person, an account or both");
        }
    }
}
