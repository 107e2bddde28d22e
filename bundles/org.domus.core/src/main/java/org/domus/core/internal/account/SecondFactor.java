package org.domus.core.internal.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.persistence.EntityManager;
import org.domus.core.Role;
import org.domus.core.internal.jpa.RecoveryCodeEntity;
import org.domus.core.internal.jpa.TotpEntity;

/** Checks TOTP and recovery codes inside the caller's transaction; shared by sign-in and enrolment. */
final class SecondFactor {

    private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecretBox box;
    private final Clock clock;
    private final SecureRandom random;
    private final Set<Role> requiredRoles;

    SecondFactor(SecretBox box, Clock clock, SecureRandom random, Set<Role> requiredRoles) {
        this.box = box;
        this.clock = clock;
        this.random = random;
        this.requiredRoles = requiredRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(requiredRoles);
    }

    static Set<Role> roles(String[] names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names == null ? new String[0] : names) {
            for (String part : n.split(",")) {
                if (!part.isBlank()) {
                    roles.add(Role.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                }
            }
        }
        return roles;
    }

    boolean requiredFor(Set<Role> roles) {
        return roles.stream().anyMatch(requiredRoles::contains);
    }

    SecretBox box() {
        return box;
    }

    /** The account's TOTP row when TOTP is switched on. */
    static TotpEntity enabled(EntityManager em, long accountId) {
        TotpEntity t = em.find(TotpEntity.class, accountId);
        return t != null && t.isEnabled() ? t : null;
    }

    /** Accepts a current, not yet used code and remembers its step; false changes nothing. */
    boolean acceptTotp(TotpEntity t, String code) {
        if (t == null || t.getSecretSealed() == null || code == null) {
            return false;
        }
        long step = Totp.matchingStep(
                box.open(t.getSecretSealed()), code.strip(), clock.instant().getEpochSecond(), t.getLastStep());
        if (step < 0) {
            return false;
        }
        t.setLastStep(step);
        return true;
    }

    /** Marks an unused recovery code of the account as used; false when none matches. */
    boolean useRecoveryCode(EntityManager em, long accountId, String code) {
        String normalised = normaliseRecovery(code);
        if (normalised == null) {
            return false;
        }
        String hash = Tokens.sha256Hex(normalised);
        for (RecoveryCodeEntity r : em.createNamedQuery(RecoveryCodeEntity.BY_ACCOUNT, RecoveryCodeEntity.class)
                .setParameter("accountId", accountId)
                .getResultList()) {
            if (r.getUsedAt() == null
                    && java.security.MessageDigest.isEqual(
                            hash.getBytes(), r.getCodeHash().getBytes())) {
                r.setUsedAt(clock.instant());
                return true;
            }
        }
        return false;
    }

    /** Replaces the account's recovery codes; returns the new ones in display form. */
    List<String> newRecoveryCodes(EntityManager em, long accountId, int count) {
        em.createNamedQuery(RecoveryCodeEntity.DELETE_BY_ACCOUNT)
                .setParameter("accountId", accountId)
                .executeUpdate();
        Instant now = clock.instant();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < 16; c++) {
                if (c > 0 && c % 4 == 0) {
                    sb.append('-');
                }
                sb.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            String code = sb.toString();
            em.persist(new RecoveryCodeEntity(accountId, Tokens.sha256Hex(normaliseRecovery(code)), now));
            codes.add(code);
        }
        return codes;
    }

    static long unusedRecoveryCodes(EntityManager em, long accountId) {
        return em
                .createNamedQuery(RecoveryCodeEntity.BY_ACCOUNT, RecoveryCodeEntity.class)
                .setParameter("accountId", accountId)
                .getResultList()
                .stream()
                .filter(r -> r.getUsedAt() == null)
                .count();
    }

    /** Upper case without separators; null unless it has the shape of a recovery code (16 characters). */
    static String normaliseRecovery(String code) {
        if (code == null) {
            return null;
        }
        String s = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return s.length() == 16 && s.chars().allMatch(c -> RECOVERY_ALPHABET.indexOf(c) >= 0) ? s : null;
    }

    byte[] newSecret() {
        byte[] secret = new byte[Totp.SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }
}
