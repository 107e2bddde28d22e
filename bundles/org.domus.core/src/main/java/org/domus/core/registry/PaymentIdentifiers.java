package org.domus.core.registry;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/** Checks of payment identifiers: Czech variable symbols, Polish NRB account numbers and IBANs. */
public final class PaymentIdentifiers {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /** IBAN lengths of the countries Domus serves and their neighbours; others get the generic 15..34. */
    private static final Map<String, Integer> IBAN_LENGTH = Map.ofEntries(
            Map.entry("CZ", 24),
            Map.entry("SK", 24),
            Map.entry("PL", 28),
            Map.entry("RO", 24),
            Map.entry("DE", 22),
            Map.entry("AT", 20),
            Map.entry("HU", 28),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("NL", 18),
            Map.entry("BE", 16),
            Map.entry("IT", 27),
            Map.entry("ES", 24));

    private PaymentIdentifiers() {}

    /**
     * Why a Czech variable symbol is refused, or null when it is fine: digits only, 1 to 10 of them, and
     * not shaped like a birth number (rodné číslo), which must never travel as a payment reference.
     *
     * @return {@code registry.vs.digits}, {@code registry.vs.length} or {@code registry.vs.birth-number}
     */
    public static String variableSymbolProblem(String vs) {
        if (vs == null || vs.isEmpty() || !vs.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "registry.vs.digits";
        }
        if (vs.length() > 10) {
            return "registry.vs.length";
        }
        return looksLikeBirthNumber(vs) ? "registry.vs.birth-number" : null;
    }

    /**
     * Whether the digits could be a Czech/Slovak birth number: 9 digits (born before 1954) or 10 digits
     * divisible by 11 (or with remainder 10 and check digit 0), starting with a valid date YYMMDD where
     * women's months are +50 and, since 2004, either may be +20.
     */
    public static boolean looksLikeBirthNumber(String digits) {
        if (digits.length() != 9 && digits.length() != 10) {
            return false;
        }
        int yy = Integer.parseInt(digits.substring(0, 2));
        int mm = Integer.parseInt(digits.substring(2, 4));
        int dd = Integer.parseInt(digits.substring(4, 6));
        if (mm > 50) {
            mm -= 50;
        }
        if (mm > 20) {
            mm -= 20;
        }
        int year = digits.length() == 9 ? 1900 + yy : (yy < 54 ? 2000 + yy : 1900 + yy);
        if (digits.length() == 9 && yy >= 54) {
            return false;
        }
        try {
            LocalDate.of(year, mm, dd);
        } catch (DateTimeException e) {
            return false;
        }
        if (digits.length() == 9) {
            return true;
        }
        long number = Long.parseLong(digits);
        if (number % 11 == 0) {
            return true;
        }
        long first9 = Long.parseLong(digits.substring(0, 9));
        return first9 % 11 == 10 && digits.charAt(9) == '0';
    }

    /** Digits and letters of an account number without spaces, upper case. */
    public static String compact(String account) {
        return account == null ? null : account.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the text (spaces allowed) is an IBAN with a valid length and ISO 7064 mod-97 checksum. */
    public static boolean isValidIban(String iban) {
        String s = compact(iban);
        if (s == null || s.length() < 15 || s.length() > 34 || !s.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return false;
        }
        Integer expected = IBAN_LENGTH.get(s.substring(0, 2));
        if (expected != null && expected != s.length()) {
            return false;
        }
        return mod97(s.substring(4) + s.substring(0, 4)) == 1;
    }

    /**
     * Whether the text (spaces allowed) is a Polish NRB: 26 digits whose first two are the IBAN check
     * digits of {@code PL} + the number.
     */
    public static boolean isValidNrb(String nrb) {
        String s = compact(nrb);
        if (s == null || s.length() != 26 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return isValidIban("PL" + s);
    }

    /**
     * Whether the text is a BIC (ISO 9362): 4 letters of the bank, 2 of the country, 2 letters or digits of
     * the location and optionally 3 of the branch; upper case, no spaces.
     */
    public static boolean isValidBic(String bic) {
        return bic != null && bic.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    }

    /**
     * Whether the text (dashes and spaces allowed, an optional {@code PL} prefix) is a Polish NIP: 10 digits
     * whose last is the weighted sum of the first nine modulo 11 (a remainder of 10 is never issued).
     */
    public static boolean isValidNip(String nip) {
        String s = compact(nip);
        if (s != null && s.startsWith("PL")) {
            s = s.substring(2);
        }
        if (s == null || s.length() != 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int[] weights = {6, 5, 7, 2, 3, 4, 5, 6, 7};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (s.charAt(i) - '0');
        }
        int check = sum % 11;
        return check != 10 && check == s.charAt(9) - '0';
    }

    private static int mod97(String rearranged) {
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                digits.append(c);
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
