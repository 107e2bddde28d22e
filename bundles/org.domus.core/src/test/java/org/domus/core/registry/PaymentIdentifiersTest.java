package org.domus.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PaymentIdentifiersTest {

    @Test
    void ordinaryVariableSymbolsPass() {
        assertNull(PaymentIdentifiers.variableSymbolProblem("1"));
        assertNull(PaymentIdentifiers.variableSymbolProblem("20401017"));
        assertNull(PaymentIdentifiers.variableSymbolProblem("9999999999"));
    }

    @Test
    void variableSymbolsAreDigitsOnlyAndAtMostTen() {
        assertEquals("registry.vs.digits", PaymentIdentifiers.variableSymbolProblem("12a4"));
        assertEquals("registry.vs.digits", PaymentIdentifiers.variableSymbolProblem(""));
        assertEquals("registry.vs.digits", PaymentIdentifiers.variableSymbolProblem("-123"));
        assertEquals("registry.vs.length", PaymentIdentifiers.variableSymbolProblem("12345678901"));
    }

    @Test
    void birthNumbersAreRefusedAsVariableSymbols() {
        // 10 digits divisible by 11 with a valid date (men, women +50, 2004+ men +20)
        assertEquals("registry.vs.birth-number", PaymentIdentifiers.variableSymbolProblem("8551011238"));
        assertEquals("registry.vs.birth-number", PaymentIdentifiers.variableSymbolProblem("5301011232"));
        assertEquals("registry.vs.birth-number", PaymentIdentifiers.variableSymbolProblem("0453151237"));
        // remainder 10 with check digit 0 (numbers issued before 1985)
        assertEquals("registry.vs.birth-number", PaymentIdentifiers.variableSymbolProblem("7801011230"));
        // 9 digits: born before 1954
        assertEquals("registry.vs.birth-number", PaymentIdentifiers.variableSymbolProblem("320415123"));
    }

    @Test
    void birthNumberShapeNeedsAValidDateAndChecksum() {
        assertFalse(PaymentIdentifiers.looksLikeBirthNumber("8513011238")); // month 13
        assertFalse(PaymentIdentifiers.looksLikeBirthNumber("8551011239")); // not divisible by 11
        assertFalse(PaymentIdentifiers.looksLikeBirthNumber("990230123")); // 9 digits, 1999 is too late
        assertFalse(PaymentIdentifiers.looksLikeBirthNumber("12345"));
    }

    @Test
    void ibanChecksumAndLengthAreChecked() {
        assertTrue(PaymentIdentifiers.isValidIban("CZ65 0800 0000 1920 0014 5399"));
        assertTrue(PaymentIdentifiers.isValidIban("de89370400440532013000"));
        assertTrue(PaymentIdentifiers.isValidIban("PL61 1090 1014 0000 0712 1981 2874"));
        assertFalse(PaymentIdentifiers.isValidIban("CZ66 0800 0000 1920 0014 5399"));
        assertFalse(PaymentIdentifiers.isValidIban("CZ65 0800 0000 1920 0014 539"));
        assertFalse(PaymentIdentifiers.isValidIban("not an iban"));
        assertFalse(PaymentIdentifiers.isValidIban(null));
    }

    @Test
    void polishNrbIsTwentySixDigitsWithThePolishIbanChecksum() {
        assertTrue(PaymentIdentifiers.isValidNrb("61 1090 1014 0000 0712 1981 2874"));
        assertFalse(PaymentIdentifiers.isValidNrb("62 1090 1014 0000 0712 1981 2874"));
        assertFalse(PaymentIdentifiers.isValidNrb("61 1090 1014 0000 0712 1981 287"));
        assertFalse(PaymentIdentifiers.isValidNrb("PL61 1090 1014 0000 0712 1981 2874"));
    }

    @Test
    void bicsHaveBankCountryLocationAndOptionalBranch() {
        assertTrue(PaymentIdentifiers.isValidBic("GIBACZPX"));
        assertTrue(PaymentIdentifiers.isValidBic("BREXPLPWMBK"));
        assertFalse(PaymentIdentifiers.isValidBic("GIBACZP"));
        assertFalse(PaymentIdentifiers.isValidBic("GIBACZPX1"));
        assertFalse(PaymentIdentifiers.isValidBic("G1BACZPX"));
        assertFalse(PaymentIdentifiers.isValidBic("gibaczpx"));
        assertFalse(PaymentIdentifiers.isValidBic(null));
    }

    @Test
    void nipsCarryTheirWeightedCheckDigit() {
        assertTrue(PaymentIdentifiers.isValidNip("5261040828"));
        assertTrue(PaymentIdentifiers.isValidNip("526-104-08-28"));
        assertTrue(PaymentIdentifiers.isValidNip("PL 526 104 08 28"));
        assertFalse(PaymentIdentifiers.isValidNip("5261040829"));
        assertFalse(PaymentIdentifiers.isValidNip("526104082"));
        assertFalse(PaymentIdentifiers.isValidNip("52610408A8"));
        assertFalse(PaymentIdentifiers.isValidNip(null));
    }
}
