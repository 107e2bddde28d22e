package org.domus.ledger.internal.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.domus.core.registry.PaymentIdentifiers;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQrStandard;

/**
 * EPC069-12 (SEPA credit transfer QR code), version 002. Twelve elements separated by line feeds:
 * {@code BCD}, {@code 002}, {@code 1} (UTF-8), {@code SCT}, BIC (optional in 002 inside the EEA), name (70),
 * IBAN, {@code EUR} + amount (0.01 to 999999999.99), purpose (empty), structured remittance (an ISO 11649
 * {@code RF} creditor reference, 35) <em>or</em> unstructured remittance (text, 140), and beneficiary to
 * originator information (70). Trailing empty elements are left out (no separator after the last populated
 * one); the whole payload is at most 331 bytes, QR version 13, error correction M.
 *
 * <p>With an RF reference the message travels as the beneficiary-to-originator information (shown to the
 * payer); otherwise reference and message make up the unstructured remittance text.
 */
final class EpcFormat implements PayloadFormat {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");
    static final int MAX_BYTES = 331;

    @Override
    public PaymentQrStandard standard() {
        return PaymentQrStandard.EPC;
    }

    @Override
    public ErrorCorrectionLevel errorCorrection() {
        return ErrorCorrectionLevel.M;
    }

    @Override
    public int maxVersion() {
        return 13;
    }

    @Override
    public String payload(PaymentOrder order) {
        OrderCheck check = new OrderCheck();
        if (!"EUR".equals(order.currency())) {
            check.add("currency", "ledger.payment.currency", order.currency(), "EUR");
        }
        String iban = check.iban(order.account());
        String country = iban == null ? null : iban.substring(0, 2);
        if (country != null && !OrderCheck.EEA.contains(country) && !OrderCheck.SEPA_NON_EEA.contains(country)) {
            check.add("account", "ledger.payment.account.sepa", country);
        }
        String bic = check.bic(order.bic());
        boolean bicGiven = order.bic() != null && !order.bic().isBlank();
        if (!bicGiven && country != null && OrderCheck.SEPA_NON_EEA.contains(country)) {
            check.add("bic", "ledger.payment.bic.required");
        }
        String name = check.name(order.creditorName(), 70, "\n");
        check.amount(order.amount(), MAX_AMOUNT);

        String structured = null;
        String text;
        String info = null;
        String reference = OrderCheck.normalised(order.reference());
        if (reference != null && OrderCheck.looksLikeCreditorReference(reference)) {
            if (OrderCheck.isCreditorReference(reference)) {
                structured = PaymentIdentifiers.compact(reference);
            } else {
                check.add("reference", "ledger.payment.reference.rf");
            }
            text = null;
            info = check.text("message", order.message(), 70, "");
        } else {
            String message = OrderCheck.normalised(order.message());
            String joined = reference == null ? message : message == null ? reference : reference + " " + message;
            text = check.text(reference != null && message == null ? "reference" : "message", joined, 140, "");
        }
        check.throwIfAny();

        List<String> lines = new ArrayList<>(List.of(
                "BCD",
                "002",
                "1",
                "SCT",
                bic == null ? "" : bic,
                name,
                iban,
                "EUR" + order.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
                "",
                structured == null ? "" : structured,
                text == null ? "" : text,
                info == null ? "" : info));
        while (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        String payload = String.join("\n", lines);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            check.add("message", "ledger.payment.payload.too-large");
            check.throwIfAny();
        }
        return payload;
    }
}
