package org.domus.core.account;

/**
 * Where an authentication attempt comes from, for the login history.
 *
 * @param address remote IP address
 * @param userAgent the client's User-Agent header (may be null)
 */
public record ClientInfo(String address, String userAgent) {

    public static final ClientInfo SHELL = new ClientInfo("shell", "karaf-shell");
}
