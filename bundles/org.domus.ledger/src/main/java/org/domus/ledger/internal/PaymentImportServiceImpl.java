package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.core.audit.AuditTrail;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Page;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.NewPayment;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.PaymentResult;
import org.domus.ledger.PaymentService;
import org.domus.ledger.imports.ImportLine;
import org.domus.ledger.imports.ImportLineStatus;
import org.domus.ledger.imports.ImportReport;
import org.domus.ledger.imports.PaymentImportService;
import org.domus.ledger.imports.StatementFormat;
import org.domus.ledger.imports.StatementProblem;
import org.domus.ledger.internal.imports.BankStatements;
import org.domus.ledger.internal.imports.ParsedStatement;
import org.domus.ledger.internal.imports.StatementEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Bank statement imports: reads the file, matches every credit line to a unit of the organisation by its
 * variable symbol (CZ), virtual account (PL) or payment reference, and posts the matched lines through
 * {@link PaymentService#recordAll} in one database transaction with the import's own rows: all or nothing.
 *
 * <p>Idempotent: every posted line leaves a key unique in the organisation (the bank's transaction id, or a
 * hash of the line's date, amount, reference, counter-account, message and its occurrence in the file), so
 * importing the same file or an overlapping statement again posts nothing twice; the file's SHA-256 tells
 * the office that the file itself was imported before. Needs {@link LedgerPermissions#POST} on the whole
 * organisation (a statement pays into any of its units).
 */
@Component(service = PaymentImportService.class)
public class PaymentImportServiceImpl implements PaymentImportService {

    private static final int REGISTRY_PAGE = 1000;
    private static final Pattern VS_IN_MESSAGE = Pattern.compile("(?i)\\bVS[:/ ]*([0-9]{1,10})\\b");

    private final LedgerServiceImpl ledger;
    private final PaymentService payments;
    private final JpaTemplate jpa;
    private final LedgerAccess access;

    @Activate
    public PaymentImportServiceImpl(@Reference LedgerServiceImpl ledger, @Reference PaymentService payments) {
        this.ledger = Objects.requireNonNull(ledger);
        this.payments = Objects.requireNonNull(payments);
        this.jpa = ledger.jpa();
        this.access = ledger.access();
    }

    @Override
    public ImportReport preview(Subject actor, long organisationId, byte[] file, StatementFormat format) {
        access.organisation(actor, LedgerPermissions.POST, organisationId);
        return jpa.txExpr(TransactionType.Required, em -> classify(em, organisationId, file, format));
    }

    @Override
    public ImportReport apply(
            Subject actor, long organisationId, byte[] file, StatementFormat format, boolean onlyMatched) {
        access.organisation(actor, LedgerPermissions.POST, organisationId);
        return jpa.txExpr(TransactionType.Required, em -> {
            // One import of an organisation at a time: the keys checked here cannot be taken meanwhile.
            ledger.currencyIn(em, organisationId);
            Books.lockBook(em, organisationId);
            ImportReport report = classify(em, organisationId, file, format);
            if (!onlyMatched && report.unmatched() + report.invalid() > 0) {
                throw new DomusException(
                        Kind.INVALID, "ledger.import.incomplete", report.unmatched() + report.invalid());
            }
            List<ImportLine> matched = report.lines().stream()
                    .filter(l -> l.status() == ImportLineStatus.MATCHED)
                    .toList();
            if (matched.isEmpty()) {
                return report;
            }
            List<NewPayment> batch = new ArrayList<>();
            for (ImportLine l : matched) {
                batch.add(new NewPayment(l.unitId(), l.amount(), l.date(), PaymentMethod.BANK, paymentReference(l)));
            }
            List<PaymentResult> results = payments.recordAll(actor, batch);
            PaymentImportEntity imported = new PaymentImportEntity();
            imported.organisationId = organisationId;
            imported.fileSha256 = report.fileSha256();
            imported.format = report.format().name();
            imported.entries = report.lines().size();
            imported.payments = matched.size();
            imported.total = report.total();
            imported.createdAt = ledger.now();
            imported.actorLogin = actor.login();
            em.persist(imported);
            em.flush();
            Map<Integer, Long> transactions = new HashMap<>();
            Map<Integer, String> keys = keys(parse(file, format).entries());
            for (int i = 0; i < matched.size(); i++) {
                ImportLine l = matched.get(i);
                PaymentImportLineEntity line = new PaymentImportLineEntity();
                line.importId = imported.id;
                line.organisationId = organisationId;
                line.lineKey = keys.get(l.line());
                line.unitId = l.unitId();
                line.transactionId = results.get(i).transaction().id();
                line.amount = l.amount();
                em.persist(line);
                transactions.put(l.line(), line.transactionId);
            }
            em.flush();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("sha256", report.fileSha256());
            after.put("format", report.format().name());
            after.put("payments", matched.size());
            after.put("total", report.total().toPlainString());
            after.put("duplicates", report.duplicates());
            after.put("unmatched", report.unmatched());
            AuditTrail.record(
                    em,
                    actor,
                    imported.createdAt,
                    "ledger.payment-import.apply",
                    "ledger-payment-import",
                    imported.id,
                    null,
                    after);
            List<ImportLine> lines = report.lines().stream()
                    .map(l -> transactions.containsKey(l.line())
                            ? new ImportLine(
                                    l.line(),
                                    l.date(),
                                    l.amount(),
                                    l.reference(),
                                    l.counterAccount(),
                                    l.message(),
                                    l.bankId(),
                                    l.status(),
                                    l.unitId(),
                                    l.unit(),
                                    transactions.get(l.line()),
                                    l.problems())
                            : l)
                    .toList();
            return new ImportReport(
                    report.format(),
                    report.encoding(),
                    report.fileSha256(),
                    true,
                    imported.id,
                    report.previousImports(),
                    report.matched(),
                    report.duplicates(),
                    report.unmatched(),
                    report.debits(),
                    report.invalid(),
                    report.total(),
                    report.currency(),
                    lines);
        });
    }

    private static String paymentReference(ImportLine l) {
        String ref = l.bankId() != null ? l.bankId() : l.reference();
        return ref == null ? null : ref.length() > 64 ? ref.substring(0, 64) : ref;
    }

    private static ParsedStatement parse(byte[] file, StatementFormat format) {
        if (file == null || file.length == 0) {
            throw new DomusException(Kind.INVALID, "ledger.import.empty");
        }
        if (file.length > MAX_BYTES) {
            throw new DomusException(Kind.INVALID, "ledger.import.too-large", MAX_BYTES / (1024 * 1024));
        }
        ParsedStatement parsed = BankStatements.parse(file, format);
        if (parsed.entries().size() + parsed.problems().size() > MAX_LINES) {
            throw new DomusException(Kind.INVALID, "ledger.import.too-many-lines", MAX_LINES);
        }
        if (parsed.entries().isEmpty() && parsed.problems().isEmpty()) {
            throw new DomusException(Kind.INVALID, "ledger.import.empty");
        }
        return parsed;
    }

    private ImportReport classify(EntityManager em, long organisationId, byte[] file, StatementFormat format) {
        ParsedStatement parsed = parse(file, format);
        String sha = sha256(file);
        String currency = Books.bookCurrency(em, organisationId).orElseGet(() -> access.currencyOf(organisationId));
        Map<String, Unit> units = unitIndex(organisationId);
        Map<Integer, String> keys = keys(parsed.entries());
        Map<String, Long[]> imported = importedKeys(em, organisationId, keys.values());
        Map<Long, String> labels = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<ImportLine> lines = new ArrayList<>();
        int matched = 0;
        int duplicates = 0;
        int unmatched = 0;
        int debits = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
        for (StatementEntry e : parsed.entries()) {
            ImportLineStatus status;
            Long unitId = null;
            Long transactionId = null;
            List<StatementProblem> problems = new ArrayList<>();
            String key = keys.get(e.line());
            Unit unit = match(units, e);
            if (e.amount().signum() < 0) {
                status = ImportLineStatus.DEBIT;
                debits++;
            } else if (e.currency() != null && !e.currency().equals(currency)) {
                status = ImportLineStatus.INVALID;
                problems.add(new StatementProblem(
                        e.line(), "currency", "ledger.import.currency", List.of(e.currency(), currency)));
            } else if (imported.containsKey(key) || !seen.add(key)) {
                status = ImportLineStatus.DUPLICATE;
                Long[] before = imported.get(key);
                if (before != null) {
                    unitId = before[0];
                    transactionId = before[1];
                }
                duplicates++;
            } else if (unit == null) {
                status = ImportLineStatus.UNMATCHED;
                problems.add(new StatementProblem(
                        e.line(),
                        "reference",
                        "ledger.import.unmatched",
                        java.util.Arrays.asList(e.reference() == null ? "" : e.reference())));
                unmatched++;
            } else {
                status = ImportLineStatus.MATCHED;
                unitId = unit.id();
                matched++;
                total = total.add(e.amount());
            }
            lines.add(new ImportLine(
                    e.line(),
                    e.date(),
                    e.amount(),
                    e.reference(),
                    e.counterAccount(),
                    e.message(),
                    e.bankId(),
                    status,
                    unitId,
                    unitId == null ? null : labels.computeIfAbsent(unitId, id -> label(units, id)),
                    transactionId,
                    problems));
        }
        int invalid = (int) lines.stream()
                        .filter(l -> l.status() == ImportLineStatus.INVALID)
                        .count()
                + parsed.problems().size();
        for (StatementProblem p : parsed.problems()) {
            lines.add(new ImportLine(
                    p.line(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    ImportLineStatus.INVALID,
                    null,
                    null,
                    null,
                    List.of(p)));
        }
        lines.sort(java.util.Comparator.comparingInt(ImportLine::line));
        return new ImportReport(
                parsed.format(),
                parsed.encoding(),
                sha,
                false,
                null,
                previousImports(em, organisationId, sha),
                matched,
                duplicates,
                unmatched,
                debits,
                invalid,
                total,
                currency,
                lines);
    }

    /**
     * Every line's key: {@code bank:<id>} when the bank gave the transaction an id, else a hash of what the
     * line says and how many identical lines came before it in the file (two equal payments on one day are
     * two payments; the same line in an overlapping statement is one).
     */
    static Map<Integer, String> keys(List<StatementEntry> entries) {
        Map<Integer, String> keys = new HashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (StatementEntry e : entries) {
            if (e.bankId() != null && !e.bankId().isBlank()) {
                String id = e.bankId().strip();
                keys.put(e.line(), "bank:" + (id.length() > 100 ? sha256(id.getBytes(StandardCharsets.UTF_8)) : id));
                continue;
            }
            String content = String.join(
                    "|",
                    String.valueOf(e.date()),
                    e.amount().toPlainString(),
                    Objects.toString(e.reference(), ""),
                    Objects.toString(e.counterAccount(), ""),
                    Objects.toString(e.message(), ""));
            int n = occurrences.merge(content, 1, Integer::sum);
            keys.put(e.line(), "line:" + sha256((content + "|" + n).getBytes(StandardCharsets.UTF_8)));
        }
        return keys;
    }

    private static Map<String, Long[]> importedKeys(
            EntityManager em, long organisationId, java.util.Collection<String> keys) {
        Map<String, Long[]> result = new HashMap<>();
        List<String> all = new ArrayList<>(new HashSet<>(keys));
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            for (PaymentImportLineEntity l : em.createQuery(
                            "SELECT l FROM PaymentImportLineEntity l WHERE l.organisationId = :o AND l.lineKey IN :k",
                            PaymentImportLineEntity.class)
                    .setParameter("o", organisationId)
                    .setParameter("k", chunk)
                    .getResultList()) {
                result.put(l.lineKey, new Long[] {l.unitId, l.transactionId});
            }
        }
        return result;
    }

    private static List<ImportReport.PreviousImport> previousImports(
            EntityManager em, long organisationId, String sha) {
        return em
                .createQuery(
                        "SELECT i FROM PaymentImportEntity i WHERE i.organisationId = :o AND i.fileSha256 = :s ORDER BY i.id",
                        PaymentImportEntity.class)
                .setParameter("o", organisationId)
                .setParameter("s", sha)
                .getResultList()
                .stream()
                .map(i -> new ImportReport.PreviousImport(i.id, i.createdAt, i.actorLogin, i.payments))
                .toList();
    }

    // ---- matching ----------------------------------------------------------------------------------

    /**
     * The organisation's units by every reference a payer may quote: the variable symbol (without leading
     * zeros) and the virtual account (its digits, with and without the country code).
     */
    private Map<String, Unit> unitIndex(long organisationId) {
        RegistryService registry = access.registry();
        Map<String, Unit> index = new HashMap<>();
        List<Long> estates = new ArrayList<>();
        for (int offset = 0; ; offset += REGISTRY_PAGE) {
            Page<Estate> page = registry.estates(LedgerAccess.SYSTEM, offset, REGISTRY_PAGE);
            page.items().stream()
                    .filter(e -> e.organisationId() == organisationId)
                    .forEach(e -> estates.add(e.id()));
            if (offset + REGISTRY_PAGE >= page.total()) {
                break;
            }
        }
        for (Long estate : estates) {
            UnitFilter filter = new UnitFilter(estate, null, null, null, null);
            for (int offset = 0; ; offset += REGISTRY_PAGE) {
                Page<Unit> page = registry.units(LedgerAccess.SYSTEM, filter, offset, REGISTRY_PAGE);
                for (Unit u : page.items()) {
                    String vs = referenceKey(u.variableSymbol());
                    if (vs != null) {
                        index.putIfAbsent(vs, u);
                    }
                    String va = referenceKey(u.virtualAccount());
                    if (va != null) {
                        index.putIfAbsent(va, u);
                    }
                }
                if (offset + REGISTRY_PAGE >= page.total()) {
                    break;
                }
            }
        }
        return index;
    }

    /** A reference as the index keys it: letters and digits, upper case, no country prefix, no leading zeros. */
    static String referenceKey(String reference) {
        if (reference == null) {
            return null;
        }
        String compact = reference.replaceAll("[^0-9A-Za-z]", "").toUpperCase(java.util.Locale.ROOT);
        if (compact.matches("[A-Z]{2}[0-9]{10,}")) {
            compact = compact.substring(2);
        }
        compact = compact.replaceFirst("^0+", "");
        return compact.isEmpty() ? null : compact;
    }

    private static Unit match(Map<String, Unit> units, StatementEntry e) {
        String key = referenceKey(e.reference());
        if (key != null && units.containsKey(key)) {
            return units.get(key);
        }
        if (e.message() != null) {
            Matcher vs = VS_IN_MESSAGE.matcher(e.message());
            if (vs.find()) {
                return units.get(referenceKey(vs.group(1)));
            }
        }
        return null;
    }

    private String label(Map<String, Unit> units, long unitId) {
        Unit unit = units.values().stream()
                .filter(u -> u.id() == unitId)
                .findFirst()
                .orElseThrow();
        Building b = access.registry().building(LedgerAccess.SYSTEM, unit.buildingId());
        return b.street() + " " + b.number() + " / " + unit.number();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
