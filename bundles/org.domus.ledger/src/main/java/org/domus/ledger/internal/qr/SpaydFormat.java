package org.domus.ledger.internal.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.domus.core.registry.PaymentIdentifiers;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQrStandard;

/**
 * Short Payment Descriptor 1.0 ("QR Platba", Czech Banking Association): {@code SPD*1.0*} then
 * {@code KEY:value} attributes separated by {@code *}. Keys are upper case; a {@code *} inside a value is
 * written {@code %2A}; other characters stay as they are (UTF-8 in the symbol, so Czech letters reach the
 * payer's bank intact). Attributes written: {@code ACC} (IBAN, {@code +BIC} when known; at most 46),
 * {@code AM} (decimal point, two decimals, at most 10 characters), {@code CC}, {@code RN} (payee name, cut
 * to 35), {@code X-VS} (variable symbol, digits, at most 10, required here because payments are matched by
 * it), {@code MSG} (at most 60), {@code DT} (due date {@code yyyyMMdd}) and, when enabled, {@code CRC32}
 * (eight upper-case hex digits of the CRC32 of the canonical form: header and the other attributes sorted
 * by key, each as {@code *KEY:value}). Error correction M.
 */
final class SpaydFormat implements PayloadFormat {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999.99");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final String HEADER = "SPD*1.0";

    private final boolean crc32;

    SpaydFormat(boolean crc32) {
        this.crc32 = crc32;
    }

    @Override
    public PaymentQrStandard standard() {
        return PaymentQrStandard.SPAYD;
    }

    @Override
    public ErrorCorrectionLevel errorCorrection() {
        return ErrorCorrectionLevel.M;
    }

    @Override
    public String payload(PaymentOrder order) {
        OrderCheck check = new OrderCheck();
        if (!"CZK".equals(order.currency())) {
            check.add("currency", "ledger.payment.currency", order.currency(), "CZK");
        }
        String iban = check.iban(order.account());
        String bic = check.bic(order.bic());
        String name = check.name(order.creditorName(), 35, "");
        check.amount(order.amount(), MAX_AMOUNT);
        String vs = OrderCheck.normalised(order.reference());
        if (vs == null) {
            check.add("reference", "ledger.payment.reference.vs-required");
        } else {
            String problem = PaymentIdentifiers.variableSymbolProblem(vs);
            if (problem != null) {
                check.add("reference", problem.replace("registry.vs.", "ledger.payment.reference.vs-"));
            }
        }
        String message = check.text("message", order.message(), 60, "");
        check.throwIfAny();

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ACC", bic == null ? iban : iban + "+" + bic);
        attributes.put(
                "AM", order.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        attributes.put("CC", "CZK");
        attributes.put("RN", name);
        attributes.put("X-VS", vs);
        if (message != null) {
            attributes.put("MSG", message);
        }
        if (order.dueDate() != null) {
            attributes.put("DT", order.dueDate().format(DATE));
        }
        StringBuilder payload = new StringBuilder(HEADER);
        attributes.forEach((k, v) -> payload.append('*').append(k).append(':').append(escape(v)));
        if (crc32) {
            payload.append("*CRC32:").append(crc32(attributes));
        }
        return payload.toString();
    }

    /** {@code *} separates attributes, so inside a value it is written as {@code %2A}. */
    static String escape(String value) {
        return value.replace("*", "%2A");
    }

    /** CRC32 of the canonical form (attributes sorted by key, CRC32 itself left out), upper-case hex. */
    static String crc32(Map<String, String> attributes) {
        StringBuilder canonical = new StringBuilder(HEADER);
        new TreeMap<>(attributes)
                .forEach((k, v) -> canonical.append('*').append(k).append(':').append(escape(v)));
        CRC32 crc = new CRC32();
        crc.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08X", crc.getValue());
    }
}
