package org.domus.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.domus.core.Subject;

/**
 * Personal access tokens for REST clients ({@code Authorization: Bearer <secret>}). Only a hash of the
 * secret is stored.
 */
public interface AccessTokenService {

    /**
     * Creates a token for the subject's own account.
     *
     * @param expiresAt null for a token without expiry
     * @throws org.domus.core.DomusException INVALID for an empty or too long name or a past expiry
     */
    AccessToken.Issued create(Subject owner, String name, Instant expiresAt);

    /** The owner's tokens, newest first. */
    List<AccessToken> list(Subject owner);

    /**
     * Revokes one of the owner's tokens.
     *
     * @throws org.domus.core.DomusException NOT_FOUND when the owner has no such token
     */
    void revoke(Subject owner, long tokenId);

    /** The subject of a valid, unrevoked, unexpired token. */
    Optional<Subject> resolve(String secret);
}
