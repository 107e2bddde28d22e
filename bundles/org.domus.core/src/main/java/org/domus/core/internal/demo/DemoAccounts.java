package org.domus.core.internal.demo;

import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.account.AccountService;
import org.domus.core.account.NewAccount;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a demo administrator and a demo resident when PID {@value #PID} has {@code enabled=true}
 * and no account exists yet. Doing nothing on a non-empty table makes it idempotent and harmless on
 * a real installation. The passwords come from the configuration and must satisfy the password policy.
 */
@Component(
        service = {},
        immediate = true,
        configurationPid = DemoAccounts.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoAccounts.Config.class)
public class DemoAccounts {

    public static final String PID = "org.domus.demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    @ObjectClassDefinition(name = "Domus demo accounts")
    public @interface Config {
        @AttributeDefinition(description = "Create the demo accounts when no account exists")
        boolean enabled() default false;

        String adminLogin() default "admin";

        @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String adminPassword() default "";

        String residentLogin() default "resident";

        @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String residentPassword() default "";
    }

    @Activate
    public DemoAccounts(@Reference AccountService accounts, Config config) {
        if (!config.enabled()) {
            return;
        }
        if (!accounts.list().isEmpty()) {
            LOG.info("Demo accounts not created: accounts exist already");
            return;
        }
        create(accounts, config.adminLogin(), "Demo Administrator", config.adminPassword(), Role.ADMIN);
        create(accounts, config.residentLogin(), "Demo Resident", config.residentPassword(), Role.RESIDENT);
    }

    private static void create(AccountService accounts, String login, String name, String password, Role role) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            LOG.warn("Demo {} account not created: login or password missing in {}", role, PID);
            return;
        }
        try {
            accounts.create(new NewAccount(login, name, null, password.toCharArray(), Set.of(role), null, false), null);
            LOG.info("Demo account '{}' created with role {}", login, role);
        } catch (DomusException e) {
            LOG.error("Demo account '{}' not created: {} {}", login, e.messageKey(), e.arguments());
        }
    }
}
