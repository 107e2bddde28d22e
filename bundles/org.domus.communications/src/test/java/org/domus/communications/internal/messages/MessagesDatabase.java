package org.domus.communications.internal.messages;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.domus.communications.internal.CommunicationsDatabase;
import org.domus.communications.internal.CommunicationsGrants;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.Argon2PasswordHasher;
import org.domus.core.internal.account.PasswordPolicy;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.testing.MutableClock;

/**
 * The communications test database with the platform's real accounts (residents and staff are stored accounts)
 * and the message service on top.
 */
final class MessagesDatabase extends CommunicationsDatabase {

    final AccountServiceImpl accounts;
    final MutableClock clock;
    final MessageServiceImpl messages;

    MessagesDatabase() {
        this(MessagesSettings.defaults());
    }

    MessagesDatabase(MessagesSettings settings) {
        this(settings, new MutableClock(Instant.parse("2026-03-06T08:00:00Z")));
    }

    private MessagesDatabase(MessagesSettings settings, MutableClock clock) {
        super("messages", clock, List.of(new RegistryGrants(), new CommunicationsGrants()));
        this.clock = clock;
        accounts = AccountServiceImpl.create(
                coreJpa,
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom()),
                new PasswordPolicy(),
                clock);
        messages = MessageServiceImpl.create(
                new ResourceLocalJpaTemplate(commEmf), policy, registry, accounts, clock, settings);
    }

    Organisation organisation(String country) {
        return organisation("SBD " + country, country);
    }

    private Account account(String login) {
        return accounts.create(
                new NewAccount(login, login, null, "violet tractor harbour".toCharArray(), Set.of(), null, false),
                ADMIN);
    }

    /** A resident: an account, a person linked to it, holding the units since 2020. */
    Subject resident(String login, long organisationId, Unit... units) {
        long accountId = account(login).id();
        Person person = person(organisationId, login, accountId);
        holdSince2020(person, TenureRole.OWNER, units);
        return new Subject(accountId, login, login + " Resident", Set.of(Role.RESIDENT), Locale.ENGLISH, Set.of());
    }

    /** A staff account with one scoped grant (stored, so that the service can look the account up). */
    Subject staff(String login, Role role, ScopeType type, long id) {
        long accountId = account(login).id();
        RoleGrant grant = RoleGrant.scoped(role, type, id);
        accounts.grant(accountId, grant, ADMIN);
        return Subject.of(accountId, login, login, Locale.ENGLISH, Set.of(grant));
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
