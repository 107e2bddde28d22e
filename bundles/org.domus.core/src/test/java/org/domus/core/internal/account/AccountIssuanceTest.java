package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.account.AccountIssuance;
import org.domus.core.account.AuthenticationResult;
import org.domus.core.account.ClientInfo;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountIssuanceTest {

    private CoreDatabase db;
    private AccountServiceImpl accounts;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        accounts = new AccountServiceImpl(db.jpa, AccountServiceTest.FAST, AccountServiceTest.POLICY, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private AccountIssuanceImpl issuance(String language) {
        return new AccountIssuanceImpl(
                accounts, new Tokens(), "SVJ Vinohradská 12", language, clock.withZone(ZoneOffset.UTC));
    }

    @Test
    void loginsAreFoldedToAsciiFirstDotLast() {
        assertEquals("jiri.zlutoucky", AccountIssuanceImpl.baseLogin("Jiří Žluťoučký"));
        assertEquals("lukasz.zolc", AccountIssuanceImpl.baseLogin("Łukasz  Żółć"));
        assertEquals("stefan.tiriac", AccountIssuanceImpl.baseLogin("Ștefan Maria Țiriac"));
        assertEquals("madonna", AccountIssuanceImpl.baseLogin("Madonna"));
        assertEquals("user", AccountIssuanceImpl.baseLogin("!!!"));
    }

    @Test
    void staffRolesAreNotIssuedWithoutAScope() {
        AccountIssuanceImpl office = issuance("en");
        org.domus.core.DomusException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.domus.core.DomusException.class,
                () -> office.issue(
                        new AccountIssuance.Request("Petr Správce", null, Set.of(Role.RESIDENT, Role.MANAGER), null),
                        AccountServiceTest.ADMIN));
        assertEquals("account.issue.staff-role", e.messageKey());
        assertTrue(accounts.findByLogin("petr.spravce").isEmpty());
    }

    @Test
    void issuedAccountHasAUniqueLoginAndMustChangeItsWorkingInitialPassword() {
        AccountIssuanceImpl office = issuance("cs");
        AccountIssuance.Issued first = office.issue(
                new AccountIssuance.Request("Jiří Žluťoučký", null, Set.of(Role.RESIDENT), null),
                AccountServiceTest.ADMIN);
        AccountIssuance.Issued second = office.issue(
                new AccountIssuance.Request("Jiri Zlutoucky", null, Set.of(Role.RESIDENT), null),
                AccountServiceTest.ADMIN);
        assertEquals("jiri.zlutoucky", first.account().login());
        assertEquals("jiri.zlutoucky2", second.account().login());
        assertTrue(first.account().mustChangePassword());
        assertEquals(20, first.initialPassword().length());

        AuthenticationResult signIn = accounts.authenticate(
                "jiri.zlutoucky", first.initialPassword().toCharArray(), new ClientInfo("192.0.2.1", "JUnit"));
        assertTrue(signIn.succeeded());
        assertTrue(signIn.mustChangePassword());
        String stored = db.rows("SELECT * FROM CORE_ACCOUNT").toString();
        assertFalse(stored.contains(first.initialPassword()), "only the hash is stored");
        assertEquals(
                2,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.create'")
                        .size());
    }

    @Test
    void resetGivesANewInitialPasswordAndTheOldOneStopsWorking() {
        AccountIssuanceImpl office = issuance("en");
        AccountIssuance.Issued issued = office.issue(
                new AccountIssuance.Request("Anna Kowalska", null, Set.of(Role.RESIDENT), null),
                AccountServiceTest.ADMIN);
        AccountIssuance.Issued reset = office.resetPassword(issued.account().id(), AccountServiceTest.ADMIN);
        ClientInfo client = new ClientInfo("192.0.2.1", "JUnit");
        assertFalse(
                accounts.authenticate("anna.kowalska", issued.initialPassword().toCharArray(), client)
                        .succeeded());
        assertTrue(
                accounts.authenticate("anna.kowalska", reset.initialPassword().toCharArray(), client)
                        .mustChangePassword());
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.password.reset'")
                        .size());
        assertEquals(
                "account.not-found",
                assertThrows(DomusException.class, () -> office.resetPassword(999, null))
                        .messageKey());
    }

    @Test
    void missingNameIsRefusedAndWritesNothing() {
        DomusException e = assertThrows(DomusException.class, () -> issuance("en")
                .issue(new AccountIssuance.Request("  ", null, Set.of(), null), AccountServiceTest.ADMIN));
        assertEquals("account.display-name.invalid", e.messageKey());
        assertTrue(db.rows("SELECT * FROM CORE_ACCOUNT").isEmpty());
    }

    @Test
    void czechLetterParsesBackWithLoginPasswordAndDiacritics() throws IOException {
        AccountIssuanceImpl office = issuance("cs");
        AccountIssuance.Issued issued = office.issue(
                new AccountIssuance.Request("Jiří Žluťoučký", null, Set.of(Role.RESIDENT), null),
                AccountServiceTest.ADMIN);
        String text = text(office.handoverLetter(issued, "https://portal.example.cz/"));
        assertTrue(text.contains("jiri.zlutoucky"), text);
        assertTrue(text.contains(issued.initialPassword()), text);
        assertTrue(text.contains("Dobrý den, Jiří Žluťoučký"), text);
        assertTrue(text.contains("Počáteční heslo:"), text);
        assertTrue(text.contains("heslo předáváme pouze osobně a nikdy je nezasíláme"), text);
        assertTrue(text.contains("https://portal.example.cz/"), text);
        assertTrue(text.contains("SVJ Vinohradská 12"), text);
    }

    @Test
    void polishAndRomanianLettersKeepTheirLetters() throws IOException {
        AccountIssuance.Issued pl = issuance("pl")
                .issue(
                        new AccountIssuance.Request("Łukasz Żółć", null, Set.of(Role.RESIDENT), null),
                        AccountServiceTest.ADMIN);
        String polish = text(issuance("pl").handoverLetter(pl, "https://e-lokator.example.pl/"));
        assertTrue(polish.contains("Łukasz Żółć"), polish);
        assertTrue(polish.contains("Hasło startowe:"), polish);
        assertTrue(polish.contains("lukasz.zolc"), polish);

        AccountIssuance.Issued ro = issuance("ro")
                .issue(
                        new AccountIssuance.Request("Ștefan Țiriac", null, Set.of(Role.RESIDENT), null),
                        AccountServiceTest.ADMIN);
        String romanian = text(issuance("ro").handoverLetter(ro, "https://asociatie.example.ro/"));
        assertTrue(romanian.contains("Ștefan Țiriac"), romanian);
        assertTrue(romanian.contains("Parolă inițială:"), romanian);
        assertTrue(romanian.contains(ro.initialPassword()), romanian);
    }

    private static String text(byte[] pdf) throws IOException {
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            return new PDFTextStripper().getText(doc);
        }
    }
}
