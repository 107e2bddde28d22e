package org.domus.communications.internal.directory;

import java.time.Clock;
import org.apache.aries.jpa.template.JpaTemplate;
import org.domus.communications.ContactDirectory;
import org.domus.core.access.AccessPolicy;
import org.domus.core.account.AccountService;
import org.domus.core.registry.RegistryService;

/**
 * The communications module's contact directory wired by hand outside OSGi, as DS wires it in Karaf, for the
 * demo's tests (in the module's package because its test factory is package-private).
 */
public final class DirectoryWiring {

    private DirectoryWiring() {}

    public static ContactDirectory directory(
            JpaTemplate jpa, AccessPolicy policy, RegistryService registry, AccountService accounts, Clock clock) {
        return ContactDirectoryImpl.create(
                jpa,
                policy,
                registry,
                id -> accounts.findById(id).map(a -> a.roles()).orElse(null),
                clock);
    }
}
