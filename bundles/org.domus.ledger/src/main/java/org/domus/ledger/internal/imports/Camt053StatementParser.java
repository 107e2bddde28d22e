package org.domus.ledger.internal.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.domus.ledger.imports.StatementFormat;
import org.domus.ledger.imports.StatementProblem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * ISO 20022 camt.053 (bank to customer statement), any version: elements are matched by local name. Each
 * {@code Ntry} is one entry, or one per {@code TxDtls} when the bank lists a batch's transactions. The
 * sign comes from {@code CdtDbtInd} (flipped by {@code RvslInd}). The unit's reference is, in this order:
 * the credited account when it differs from the statement's own (a Polish virtual account), the creditor
 * reference ({@code Strd/CdtrRefInf/Ref}, a leading {@code VS} dropped), the end-to-end id unless
 * {@code NOTPROVIDED}. The bank's id is {@code AcctSvcrRef} of the transaction, else of the entry. "Line" is
 * the entry's position in the file. DTDs and external entities are refused.
 */
public final class Camt053StatementParser {

    private Camt053StatementParser() {}

    /** Whether the file looks like a camt.053 statement. */
    static boolean looksLike(byte[] file) {
        String head = new String(file, 0, Math.min(file.length, 2048), java.nio.charset.StandardCharsets.UTF_8);
        return head.contains("BkToCstmrStmt") || head.contains("camt.053");
    }

    public static ParsedStatement parse(byte[] file) {
        List<StatementEntry> entries = new ArrayList<>();
        List<StatementProblem> problems = new ArrayList<>();
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(file));
        } catch (SAXException | IOException e) {
            problems.add(StatementProblem.of(1, null, "ledger.import.xml.invalid"));
            return new ParsedStatement(StatementFormat.CAMT053, "UTF-8", entries, problems);
        }
        int position = 0;
        for (Element stmt : descendants(doc.getDocumentElement(), "Stmt")) {
            Element acct = child(stmt, "Acct");
            String own = acct == null ? null : account(acct);
            for (Element ntry : children(stmt, "Ntry")) {
                position++;
                int line = position;
                Element amt = child(ntry, "Amt");
                String indicator = text(child(ntry, "CdtDbtInd"));
                boolean reversal = "true".equalsIgnoreCase(text(child(ntry, "RvslInd")));
                LocalDate date = date(first(child(ntry, "BookgDt"), child(ntry, "ValDt")));
                if (date == null) {
                    problems.add(StatementProblem.of(line, "date", "ledger.import.date.invalid", ""));
                    continue;
                }
                if (!"CRDT".equals(indicator) && !"DBIT".equals(indicator)) {
                    problems.add(StatementProblem.of(line, "CdtDbtInd", "ledger.import.amount.invalid", indicator));
                    continue;
                }
                int sign = ("CRDT".equals(indicator) ? 1 : -1) * (reversal ? -1 : 1);
                String entryRef = text(child(ntry, "AcctSvcrRef"));
                List<Element> details = new ArrayList<>();
                for (Element dtls : children(ntry, "NtryDtls")) {
                    details.addAll(children(dtls, "TxDtls"));
                }
                if (details.isEmpty()) {
                    BigDecimal amount = amount(amt, line, problems);
                    if (amount != null) {
                        entries.add(new StatementEntry(
                                line,
                                date,
                                amount.multiply(BigDecimal.valueOf(sign)),
                                currency(amt),
                                null,
                                null,
                                null,
                                entryRef));
                    }
                    continue;
                }
                for (int i = 0; i < details.size(); i++) {
                    Element tx = details.get(i);
                    Element txAmt = first(child(tx, "Amt"), path(tx, "AmtDtls", "TxAmt", "Amt"));
                    if (txAmt == null && details.size() == 1) {
                        txAmt = amt;
                    }
                    BigDecimal amount = amount(txAmt, line, problems);
                    if (amount == null) {
                        continue;
                    }
                    String txRef = text(path(tx, "Refs", "AcctSvcrRef"));
                    String bankId = txRef != null
                            ? txRef
                            : entryRef == null ? null : details.size() == 1 ? entryRef : entryRef + "#" + (i + 1);
                    Element parties = child(tx, "RltdPties");
                    String payer = parties == null ? null : accountOf(child(parties, "DbtrAcct"));
                    String credited = parties == null ? null : accountOf(child(parties, "CdtrAcct"));
                    String reference = null;
                    if (credited != null && (own == null || !compact(credited).equals(compact(own)))) {
                        reference = credited;
                    }
                    if (reference == null) {
                        String ref = text(path(tx, "RmtInf", "Strd", "CdtrRefInf", "Ref"));
                        if (ref != null) {
                            reference = ref.replaceFirst("^(?i)/?VS[:/ ]*", "");
                        }
                    }
                    if (reference == null) {
                        String e2e = text(path(tx, "Refs", "EndToEndId"));
                        if (e2e != null && !"NOTPROVIDED".equalsIgnoreCase(e2e)) {
                            reference = e2e.replaceFirst("^(?i)/?VS[:/ ]*", "");
                        }
                    }
                    List<String> messages = new ArrayList<>();
                    Element rmt = child(tx, "RmtInf");
                    if (rmt != null) {
                        for (Element u : children(rmt, "Ustrd")) {
                            messages.add(u.getTextContent().strip());
                        }
                    }
                    entries.add(new StatementEntry(
                            line,
                            date,
                            amount.multiply(BigDecimal.valueOf(sign)),
                            currency(txAmt),
                            reference,
                            payer,
                            messages.isEmpty() ? null : String.join(" ", messages),
                            bankId));
                }
            }
        }
        return new ParsedStatement(StatementFormat.CAMT053, "UTF-8", entries, problems);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal amount(Element amt, int line, List<StatementProblem> problems) {
        String value = text(amt);
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
                throw new NumberFormatException(value);
            }
            return amount.setScale(2);
        } catch (NumberFormatException | NullPointerException e) {
            problems.add(
                    StatementProblem.of(line, "amount", "ledger.import.amount.invalid", value == null ? "" : value));
            return null;
        }
    }

    private static String currency(Element amt) {
        if (amt == null) {
            return null;
        }
        String ccy = amt.getAttribute("Ccy");
        return ccy.isBlank() ? null : ccy.strip().toUpperCase(Locale.ROOT);
    }

    private static LocalDate date(Element dateHolder) {
        if (dateHolder == null) {
            return null;
        }
        String d = text(child(dateHolder, "Dt"));
        if (d == null) {
            String dt = text(child(dateHolder, "DtTm"));
            d = dt == null || dt.length() < 10 ? null : dt.substring(0, 10);
        }
        try {
            return d == null ? null : LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String account(Element holder) {
        Element id = child(holder, "Id");
        if (id == null) {
            return null;
        }
        String iban = text(child(id, "IBAN"));
        return iban != null ? iban : text(path(id, "Othr", "Id"));
    }

    private static String accountOf(Element accountHolder) {
        return accountHolder == null ? null : account(accountHolder);
    }

    private static String compact(String account) {
        return account.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
    }

    private static Element first(Element a, Element b) {
        return a != null ? a : b;
    }

    private static Element path(Element from, String... names) {
        Element e = from;
        for (String n : names) {
            if (e == null) {
                return null;
            }
            e = child(e, n);
        }
        return e;
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static List<Element> descendants(Element root, String name) {
        List<Element> result = new ArrayList<>();
        org.w3c.dom.NodeList all = root.getElementsByTagNameNS("*", name);
        for (int i = 0; i < all.getLength(); i++) {
            result.add((Element) all.item(i));
        }
        return result;
    }
}
