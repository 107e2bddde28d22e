package org.domus.core.account;

import java.time.Duration;
import java.util.Optional;
import org.domus.core.Subject;

/**
 * Server-side sessions shared by the web UI and the REST API. The UI opens one at login and hands its
 * token to the browser in an HttpOnly cookie ({@link #COOKIE}); REST calls made from the same browser
 * authenticate with it. Sessions live in the database so that several nodes can share them.
 */
public interface SessionService {

    /** Name of the cookie that carries the session token. */
    String COOKIE = "DOMUS_SESSION";

    /** Opens a session for the subject's account and returns the token (only its hash is stored). */
    String open(Subject subject, ClientInfo client);

    /** The subject of a live session; touching it extends the idle timeout. */
    Optional<Subject> resolve(String token);

    /** Ends a session; unknown tokens are ignored. */
    void close(String token);

    /** Idle time after which a session ends. */
    Duration idleTimeout();
}
