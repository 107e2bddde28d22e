package org.domus.persistence;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The name a component gives itself when it claims shared work in the database (a job lock, a batch of mails
 * to send), so that several Karaf nodes on one database tell their claims apart and an operator can see which
 * node holds one.
 */
public final class ClusterNode {

    /** The longest name returned, so that it fits the claiming columns ({@code VARCHAR(128)}). */
    public static final int MAX_NAME_LENGTH = 128;

    private ClusterNode() {}

    /**
     * A new name for this node: {@code <karaf.name>@<host name>#<8 random hex digits>} (Karaf's name "karaf" when
     * the system property is not set, "unknown-host" when the host name cannot be read), cut to {@link
     * #MAX_NAME_LENGTH} characters. The random part differs on every call, so two components (or two runs of one)
     * on the same node never pass for each other.
     */
    public static String newName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = System.getProperty("karaf.name", "karaf") + "@" + host + "#"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }
}
