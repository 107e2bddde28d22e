package org.domus.communications.internal;

import java.time.Clock;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.domus.core.access.PermissionGrant;
import org.domus.testing.DomusTestDatabase;

/**
 * A fresh in-memory Derby database with the platform's and the communications module's real changelogs, the
 * platform's real registry and access policy, and both persistence units: what every area's test database
 * (announcements, messages, directory, notifications) builds its service on.
 */
public class CommunicationsDatabase extends DomusTestDatabase {

    public final EntityManagerFactory commEmf;

    /**
     * @param name the area, part of the in-memory database's name
     * @param clock the clock of the access policy and the registry
     * @param grants the permissions the access policy knows
     */
    protected CommunicationsDatabase(String name, Clock clock, List<PermissionGrant> grants) {
        super(name, clock, grants, "db/communications-changelog.xml");
        commEmf = persistenceUnit("domus.communications");
    }
}
