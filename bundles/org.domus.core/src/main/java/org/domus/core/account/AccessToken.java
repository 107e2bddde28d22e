package org.domus.core.account;

import java.time.Instant;

/**
 * A personal access token as listed to its owner: never the secret itself.
 *
 * @param id token id
 * @param name the owner's label for it
 * @param prefix the first characters of the secret, to recognise it
 * @param createdAt when it was created
 * @param expiresAt when it stops working (null: never)
 * @param lastUsedAt when it was last used (null: never)
 * @param revoked whether the owner revoked it
 */
public record AccessToken(
        long id,
        String name,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        boolean revoked) {

    /** A freshly created token together with its secret, shown to the owner exactly once. */
    public record Issued(AccessToken token, String secret) {}
}
