package org.domus.ledger.internal.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.domus.ledger.internal.qr.PaymentQrCodesImpl;
import org.domus.ledger.internal.qr.QrDecoder;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.Statement;
import org.domus.ledger.payment.StatementLine;
import org.junit.jupiter.api.Test;

class StatementPdfImplTest {

    private final PaymentQrCodesImpl codes = new PaymentQrCodesImpl(false);
    private final StatementPdfImpl pdf = new StatementPdfImpl(codes);

    private static BigDecimal $(String amount) {
        return new BigDecimal(amount);
    }

    private static Statement czech() {
        PaymentOrder order = new PaymentOrder(
                "Bytové družstvo Žižkov",
                "CZ6508000000192000145399",
                null,
                null,
                $("1380.50"),
                "CZK",
                "1200345",
                "Zálohy duben 2026",
                LocalDate.of(2026, 4, 15));
        return new Statement(
                "cs",
                "Bytové družstvo Žižkov",
                "Koněvova 1234/5, byt č. 7",
                "Jiřina Řezníčková",
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                "CZK",
                $("1000.00"),
                List.of(
                        new StatementLine(
                                LocalDate.of(2026, 3, 1), "Předpis záloh 03/2026", "Fond oprav", $("1250.00"), null),
                        new StatementLine(
                                LocalDate.of(2026, 3, 1),
                                "Předpis záloh 03/2026",
                                "Záloha na teplo",
                                $("2130.50"),
                                null),
                        new StatementLine(LocalDate.of(2026, 3, 10), "Platba - děkujeme", null, null, $("3000.00"))),
                $("1380.50"),
                $("1380.50"),
                LocalDate.of(2026, 4, 15),
                order,
                LocalDate.of(2026, 4, 1));
    }

    @Test
    void czechStatementShowsBalancesLinesAndAmountDueInCzech() throws IOException {
        try (PDDocument doc = PDDocument.load(pdf.render(czech()))) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.01);
            assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.01);
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of(
                    "Bytové družstvo Žižkov",
                    "Výpis z účtu",
                    "Koněvova 1234/5, byt č. 7",
                    "Jiřina Řezníčková",
                    "1. 3. 2026 - 31. 3. 2026",
                    "Počáteční zůstatek",
                    "1 000,00 CZK (dlužíte)",
                    "Předpis záloh 03/2026",
                    "Záloha na teplo",
                    "1 250,00",
                    "2 130,50",
                    "3 000,00",
                    "Součty za období",
                    "3 380,50",
                    "Konečný zůstatek",
                    "1 380,50 CZK (dlužíte)",
                    "K úhradě: 1 380,50 CZK",
                    "Splatnost 15. 4. 2026",
                    "Variabilní symbol",
                    "1200345",
                    "CZ65 0800 0000 1920 0014 5399",
                    "QR Platba",
                    "Strana 1 z 1")) {
                assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in:\n" + text);
            }
        }
    }

    @Test
    void theQrCodeOnThePrintedPageScansBackToTheSpayd() throws IOException {
        Statement statement = czech();
        String expected = "SPD*1.0*ACC:CZ6508000000192000145399*AM:1380.50*CC:CZK*RN:Bytové družstvo Žižkov"
                + "*X-VS:1200345*MSG:Zálohy duben 2026*DT:20260415";
        try (PDDocument doc = PDDocument.load(pdf.render(statement))) {
            // as a printer or screen shows the page
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            assertEquals(expected, QrDecoder.decode(page).getText());
            // and the embedded image itself
            List<BufferedImage> images = images(doc.getPage(0));
            assertEquals(1, images.size());
            assertEquals(expected, QrDecoder.decode(images.get(0)).getText());
        }
    }

    @Test
    void polishStatementCarriesTheZbpCodeOfTheVirtualAccount() throws IOException {
        PaymentOrder order = new PaymentOrder(
                "Spółdzielnia Mieszkaniowa „Zorza”",
                "61 1090 1014 0000 0712 1981 2874",
                null,
                "5260250274",
                $("1234.56"),
                "PLN",
                null,
                "Opłaty kwiecień 2026",
                null);
        Statement statement = new Statement(
                "pl",
                "Spółdzielnia Mieszkaniowa „Zorza”",
                "ul. Żółkiewskiego 5 m. 12",
                null,
                LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30),
                "PLN",
                BigDecimal.ZERO,
                List.of(new StatementLine(
                        LocalDate.of(2026, 4, 1), "Naliczenie 04/2026", "Zaliczka na c.o.", $("1234.56"), null)),
                $("1234.56"),
                $("1234.56"),
                LocalDate.of(2026, 4, 20),
                order,
                LocalDate.of(2026, 4, 2));

        try (PDDocument doc = PDDocument.load(pdf.render(statement))) {
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of(
                    "Zestawienie rozrachunków",
                    "ul. Żółkiewskiego 5 m. 12",
                    "Saldo początkowe",
                    "Zaliczka na c.o.",
                    "Do zapłaty: 1 234,56 PLN",
                    "Termin płatności 20.04.2026",
                    "61 1090 1014 0000 0712 1981 2874",
                    "Opłaty kwiecień 2026")) {
                assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in:\n" + text);
            }
            assertEquals(
                    "5260250274|PL|61109010140000071219812874|123456|Spółdzielnia Mieszka|Opłaty kwiecień 2026|||",
                    QrDecoder.decode(new PDFRenderer(doc).renderImageWithDPI(0, 150))
                            .getText());
        }
    }

    @Test
    void romanianStatementHasTheTransferDetailsButNoQrCode() throws IOException {
        PaymentOrder order = new PaymentOrder(
                "Asociația de Proprietari Bloc Ș4",
                "RO49AAAA1B31007593840000",
                null,
                null,
                $("1234.56"),
                "RON",
                "Ap. 12",
                "Întreținere aprilie",
                null);
        Statement statement = new Statement(
                "ro",
                "Asociația de Proprietari Bloc Ș4",
                "Str. Ștefan cel Mare 4, ap. 12",
                "Țurcanu Ștefănița",
                LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30),
                "RON",
                $("-100.00"),
                List.of(new StatementLine(
                        LocalDate.of(2026, 4, 1), "Întreținere 04/2026", "Fond de reparații", $("1334.56"), null)),
                $("1234.56"),
                $("1234.56"),
                LocalDate.of(2026, 5, 1),
                order,
                LocalDate.of(2026, 4, 2));

        try (PDDocument doc = PDDocument.load(pdf.render(statement))) {
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of(
                    "Extras de cont",
                    "Str. Ștefan cel Mare 4, ap. 12",
                    "Țurcanu Ștefănița",
                    "100,00 RON (în favoarea dvs.)",
                    "Fond de reparații",
                    "De plată: 1.234,56 RON",
                    "RO49 AAAA 1B31 0075 9384 0000",
                    "Ap. 12",
                    "Plătiți prin transfer bancar")) {
                assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in:\n" + text);
            }
            assertTrue(images(doc.getPage(0)).isEmpty(), "no QR code for lei");
        }
    }

    @Test
    void aLongStatementRunsOverPagesWithTheTableHeaderOnEachAndTheCodeAtTheEnd() throws IOException {
        List<StatementLine> lines = new ArrayList<>();
        BigDecimal closing = $("50.00");
        for (int i = 1; i <= 140; i++) {
            BigDecimal debit = $("10.00").add(BigDecimal.valueOf(i));
            lines.add(new StatementLine(
                    LocalDate.of(2025, 1, 1).plusDays(i),
                    "Charge number " + i
                            + (i % 10 == 0 ? " with a description long enough to wrap onto a second line" : ""),
                    i % 2 == 0 ? "Repair fund" : "Water advance",
                    debit,
                    null));
            closing = closing.add(debit);
        }
        PaymentOrder order = new PaymentOrder(
                "Housing Cooperative Sunrise",
                "DE89370400440532013000",
                null,
                null,
                closing,
                "EUR",
                "RF18 5390 0754 7034",
                "Arrears",
                null);
        Statement statement = new Statement(
                "de", // no German catalog: English
                "Housing Cooperative Sunrise",
                "Block A, flat 12",
                null,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                "EUR",
                $("50.00"),
                lines,
                closing,
                closing,
                null,
                order,
                LocalDate.of(2026, 1, 5));

        try (PDDocument doc = PDDocument.load(pdf.render(statement))) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 3, "pages: " + pages);
            PDFTextStripper stripper = new PDFTextStripper();
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                assertTrue(
                        page.contains("Charged (EUR)") && page.contains("Paid (EUR)") || p == pages,
                        "table header on page " + p);
                assertTrue(page.contains("Page " + p + " of " + pages), "page number on page " + p);
                all.append(page);
            }
            for (int i = 1; i <= 140; i++) {
                assertTrue(
                        all.toString().contains("Charge number " + i + "\n")
                                || all.toString().contains("Charge number " + i + " "),
                        "line " + i);
            }
            assertTrue(all.toString().contains("Closing balance"));
            assertTrue(all.toString().contains("Amount due: " + "11,320.00 EUR"), all.toString());
            String epc = QrDecoder.decode(new PDFRenderer(doc).renderImageWithDPI(pages - 1, 150))
                    .getText();
            assertEquals(
                    "BCD\n002\n1\nSCT\n\nHousing Cooperative Sunrise\nDE89370400440532013000\nEUR11320.00\n\n"
                            + "RF18539007547034\n\nArrears",
                    epc);
        }
    }

    @Test
    void aCreditBalanceHasNothingToPayAndNoCode() throws IOException {
        Statement statement = new Statement(
                "en",
                "Housing Cooperative Sunrise",
                "Block A, flat 12",
                null,
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31),
                "EUR",
                $("-20.00"),
                List.of(),
                $("-20.00"),
                BigDecimal.ZERO,
                null,
                null,
                LocalDate.of(2026, 2, 1));

        try (PDDocument doc = PDDocument.load(pdf.render(statement))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("No movements in this period."));
            assertTrue(text.contains("20.00 EUR (in your favour)"));
            assertTrue(text.contains("Nothing to pay now."));
            assertFalse(text.contains("Amount due"));
            assertTrue(images(doc.getPage(0)).isEmpty());
        }
    }

    @Test
    void figuresThatDoNotAddUpAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Statement(
                        "en",
                        "Org",
                        "Unit",
                        null,
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 31),
                        "EUR",
                        $("10.00"),
                        List.of(new StatementLine(LocalDate.of(2026, 1, 2), "Charge", null, $("5.00"), null)),
                        $("14.99"),
                        null,
                        null,
                        null,
                        LocalDate.of(2026, 2, 1)));
        assertTrue(e.getMessage().contains("does not add up"), e.getMessage());
    }

    private static List<BufferedImage> images(PDPage page) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                images.add(image.getImage());
            }
        }
        return images;
    }
}
