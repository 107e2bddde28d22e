package org.domus.demo.internal;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Random;

/**
 * Bank numbers with correct check digits (ISO 7064 mod 97-10 for IBAN and NRB, the Polish sort-code
 * digit, the Czech IČO digit), so that the registry's validation accepts them as it would real ones.
 */
final class BankNumbers {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /** The cooperative's bank branch for the Polish virtual accounts: bank 1240 (Pekao), branch 291. */
    static final String PL_SORT_CODE = sortCode("1240", "291");

    private BankNumbers() {}

    /** An 8-digit Polish sort code: bank, branch and the weighted check digit (3, 9, 7, 1, 3, 9, 7). */
    static String sortCode(String bank, String branch) {
        String seven = bank + branch;
        int[] weights = {3, 9, 7, 1, 3, 9, 7};
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (seven.charAt(i) - '0') * weights[i];
        }
        return seven + (10 - sum % 10) % 10;
    }

    /**
     * The unit's individual virtual account (NRB): the cooperative's sort code, a fixed client prefix and
     * the building and unit sequence, so the number itself tells which unit paid.
     */
    static String virtualAccount(int building, int unit) {
        String account = String.format(Locale.ROOT, "77110000%04d%04d", building, unit);
        return checkDigits("PL", PL_SORT_CODE + account) + PL_SORT_CODE + account;
    }

    /** A random IBAN of a local bank in the country (CZ, PL or RO). */
    static String iban(String country, Random random) {
        String bban =
                switch (country) {
                    case "CZ" -> pickBank(random, "0800", "0100", "0300", "2010", "5500") + "000000"
                            + digits(10, random);
                    case "PL" -> sortCode(pickBank(random, "1020", "1050", "1140", "1090"), digits(3, random))
                            + digits(16, random);
                    default -> pickBank(random, "BTRL", "BRDE", "RNCB", "INGB") + "RONCRT" + digits(10, random);
                };
        return country + checkDigits(country, bban) + bban;
    }

    /** A Czech company number (IČO): seven digits and the mod-11 check digit. */
    static String ico(Random random) {
        String seven = "2" + digits(6, random);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (seven.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 10;
        return seven + check;
    }

    /**
     * A Polish tax number (NIP) of a Kraków tax office ({@code 676}): nine digits and the weighted mod-11 check
     * digit (6, 5, 7, 2, 3, 4, 5, 6, 7); a sum whose remainder is 10 gives no valid NIP, so another is drawn.
     */
    static String nip(Random random) {
        int[] weights = {6, 5, 7, 2, 3, 4, 5, 6, 7};
        while (true) {
            String nine = "676" + digits(6, random);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * weights[i];
            }
            if (sum % 11 != 10) {
                return nine + sum % 11;
            }
        }
    }

    /**
     * A Romanian fiscal code (CUI/CIF) of eight digits: seven digits and the check digit of the key 753217532
     * applied to the number padded to nine digits (sum times 10, mod 11, 10 counting as 0).
     */
    static String cui(Random random) {
        String seven = "3" + digits(6, random);
        String padded = "00" + seven;
        String key = "753217532";
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (padded.charAt(i) - '0') * (key.charAt(i) - '0');
        }
        return seven + (sum * 10 % 11) % 10;
    }

    /** The two IBAN check digits of {@code country + bban}. */
    static String checkDigits(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isLetter(c) ? Integer.toString(c - 'A' + 10) : String.valueOf(c));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
        return String.format(Locale.ROOT, "%02d", check);
    }

    private static String pickBank(Random random, String... banks) {
        return banks[random.nextInt(banks.length)];
    }

    static String digits(int n, Random random) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }
}
