package org.domus.demo.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.Argon2PasswordHasher;
import org.domus.core.internal.account.PasswordPolicy;
import org.domus.core.internal.registry.JpaRegistryDirectory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.persistence.testing.TestMigrations;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The core's real services on a fresh in-memory Derby with the schema of the core's real changelog, wired
 * by hand as DS wires them in Karaf (only the password hash is made cheap, to keep the tests fast).
 */
final class DemoDatabase implements AutoCloseable {

    final EmbeddedDataSource dataSource;
    final EntityManagerFactory emf;
    final AccountServiceImpl accounts;
    final RegistryServiceImpl registry;

    DemoDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:demo-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        TestMigrations.apply(dataSource, RegistryServiceImpl.class.getClassLoader(), "db/core-changelog.xml");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        props.put("eclipselink.logging.level", "WARNING");
        emf = new PersistenceProvider().createEntityManagerFactory("domus.core", props);
        ResourceLocalJpaTemplate jpa = new ResourceLocalJpaTemplate(emf);
        Clock clock = Clock.systemUTC();
        accounts = AccountServiceImpl.create(
                jpa,
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom()),
                new PasswordPolicy(),
                clock);
        RoleBasedAccessPolicy policy =
                new RoleBasedAccessPolicy(List.of(new RegistryGrants()), new JpaRegistryDirectory(jpa), clock);
        registry = RegistryServiceImpl.create(jpa, policy, clock);
    }

    CooperativeGenerator generator() {
        return new CooperativeGenerator(registry, accounts);
    }

    @Override
    public void close() {
        emf.close();
    }
}
