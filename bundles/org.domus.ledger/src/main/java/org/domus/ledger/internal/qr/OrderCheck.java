package org.domus.ledger.internal.qr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.PaymentIdentifiers;

/**
 * Collects what is wrong with a payment order field by field, so that the caller learns every problem at
 * once, and normalises the values a standard carries (NFC text, compact upper-case account numbers).
 */
final class OrderCheck {

    /** EEA countries: EPC QR may leave the BIC out only when the payee's IBAN is from one of them. */
    static final Set<String> EEA = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IE", "IT", "LV", "LI",
            "LT", "LU", "MT", "NL", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    /** SEPA members outside the EEA (EPC QR needs their BIC). */
    static final Set<String> SEPA_NON_EEA = Set.of("CH", "GB", "MC", "SM", "VA", "AD", "GI", "JE", "GG", "IM");

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String key, Object... args) {
        errors.add(new FieldError(field, key, List.of(args)));
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    /** The amount as it is, when positive, with at most two decimals and at most {@code max}. */
    void amount(BigDecimal amount, BigDecimal max) {
        if (amount.signum() <= 0) {
            add("amount", "ledger.payment.amount.positive");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            add("amount", "ledger.payment.amount.scale");
        } else if (amount.compareTo(max) > 0) {
            add("amount", "ledger.payment.amount.max", max.toPlainString());
        }
    }

    /** The compact IBAN, or null (with an error) when it is not one. */
    String iban(String account) {
        if (account == null || account.isBlank()) {
            add("account", "ledger.payment.account.required");
            return null;
        }
        if (!PaymentIdentifiers.isValidIban(account)) {
            add("account", "ledger.payment.account.iban");
            return null;
        }
        return PaymentIdentifiers.compact(account);
    }

    /** The BIC upper-cased, null when not given, or null with an error when malformed. */
    String bic(String bic) {
        if (bic == null || bic.isBlank()) {
            return null;
        }
        String b = PaymentIdentifiers.compact(bic);
        if (!b.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            add("bic", "ledger.payment.bic.invalid");
            return null;
        }
        return b;
    }

    /**
     * Text as a standard carries it: trimmed, NFC (one code point for "č", as banks expect), null when
     * empty. Refuses line breaks and other control characters, the characters in {@code forbidden} (the
     * standard's separators) and text longer than {@code max} code points.
     */
    String text(String field, String value, int max, String forbidden) {
        String t = normalised(value);
        if (t == null) {
            return null;
        }
        boolean bad = false;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            if (Character.isISOControl(cp) || forbidden.indexOf(cp) >= 0) {
                String shown = Character.isISOControl(cp)
                        ? String.format(Locale.ROOT, "U+%04X", cp)
                        : new String(Character.toChars(cp));
                add(field, "ledger.payment.text.character", shown);
                bad = true;
                break;
            }
            i += Character.charCount(cp);
        }
        if (!bad && t.codePointCount(0, t.length()) > max) {
            add(field, "ledger.payment.text.length", max);
            bad = true;
        }
        return bad ? null : t;
    }

    /**
     * A name cut to {@code max} code points (banks route by account; the name is informative). Required;
     * separators and control characters are refused as in {@link #text}.
     */
    String name(String value, int max, String forbidden) {
        String t = normalised(value);
        if (t == null) {
            add("creditorName", "ledger.payment.name.required");
            return null;
        }
        if (t.codePointCount(0, t.length()) > max) {
            t = t.substring(0, t.offsetByCodePoints(0, max)).strip();
        }
        return text("creditorName", t, max, forbidden);
    }

    static String normalised(String value) {
        if (value == null) {
            return null;
        }
        String t = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        return t.isEmpty() ? null : t;
    }

    /** Whether the text is an ISO 11649 creditor reference: RF, two check digits, 1-21 letters/digits, mod 97 = 1. */
    static boolean isCreditorReference(String reference) {
        String r = PaymentIdentifiers.compact(reference);
        if (r == null || !r.matches("RF[0-9]{2}[A-Z0-9]{1,21}")) {
            return false;
        }
        String rearranged = r.substring(4) + r.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** Whether the text looks like it is meant as a creditor reference (so a bad checksum is an error, not text). */
    static boolean looksLikeCreditorReference(String reference) {
        String r = PaymentIdentifiers.compact(reference);
        return r != null && r.matches("RF[0-9]{2}[A-Z0-9]{1,21}");
    }

    /** Whether the digits are a Polish NIP: ten digits, weights 6 5 7 2 3 4 5 6 7, sum mod 11 = last digit. */
    static boolean isValidNip(String nip) {
        if (nip == null || !nip.matches("[0-9]{10}")) {
            return false;
        }
        int[] weights = {6, 5, 7, 2, 3, 4, 5, 6, 7};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (nip.charAt(i) - '0');
        }
        int check = sum % 11;
        return check != 10 && check == nip.charAt(9) - '0';
    }
}
