package org.domus.core.internal.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.aries.jpa.template.JpaTemplate;
import org.domus.core.Subject;
import org.domus.core.account.AccessTokenService;
import org.domus.core.account.AccountService;
import org.domus.core.account.SessionService;
import org.domus.core.account.TotpEnrolment;
import org.domus.core.consent.ConsentService;

/** The identity services for tests of other packages (their constructors are package-private). */
public final class IdentityFixtures {

    private IdentityFixtures() {}

    public static AccountServiceImpl accounts(JpaTemplate jpa, Clock clock) {
        return new AccountServiceImpl(jpa, AccountServiceTest.FAST, AccountServiceTest.POLICY, clock);
    }

    public static ConsentService consents(JpaTemplate jpa, Clock clock) {
        return new ConsentServiceImpl(jpa, clock, "2026-1");
    }

    public static AccessTokenService tokens(JpaTemplate jpa, AccountService accounts, Clock clock) {
        return new AccessTokenServiceImpl(jpa, accounts, clock, new Tokens());
    }

    public static SessionService sessions(JpaTemplate jpa, AccountService accounts, Clock clock) {
        return new SessionServiceImpl(jpa, accounts, clock, new Tokens(), Duration.ofMinutes(30));
    }

    /** Turns TOTP on for the holder; returns the recovery codes. */
    public static List<String> enrolTotp(JpaTemplate jpa, Clock clock, Subject holder) {
        SecondFactor factor = new SecondFactor(SecretBox.random(), clock, new SecureRandom(), Set.of());
        TotpServiceImpl totp = new TotpServiceImpl(jpa, AccountServiceTest.FAST, factor, clock, "Domus");
        TotpEnrolment e = totp.beginEnrolment(holder);
        String code =
                Totp.code(Base32.decode(e.secret()), Totp.step(clock.instant().getEpochSecond()));
        return totp.confirmEnrolment(holder, code);
    }
}
