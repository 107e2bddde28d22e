package org.domus.persistence;

/** Names under which the platform publishes the one Domus database. */
public final class DomusDataSource {

    /** {@code osgi.jndi.service.name} of the Domus {@code javax.sql.DataSource} service. */
    public static final String NAME = "domus";

    /** LDAP filter that selects the Domus DataSource service. */
    public static final String TARGET = "(osgi.jndi.service.name=" + NAME + ")";

    private DomusDataSource() {}
}
