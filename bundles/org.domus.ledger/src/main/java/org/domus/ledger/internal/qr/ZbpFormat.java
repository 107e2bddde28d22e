package org.domus.ledger.internal.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.domus.core.registry.PaymentIdentifiers;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQrStandard;

/**
 * The Polish Bank Association's recommendation for a 2D transfer code (ZBP, 2013): nine fields separated by
 * {@code |}: recipient NIP (10 digits or empty), country {@code PL}, the 26-digit NRB account (for Domus the
 * unit's virtual account), the amount in grosze zero-padded to at least six digits, recipient name (20,
 * cut), transfer title (32) and three reserved fields left empty. UTF-8, so Polish letters travel as they
 * are; error correction L as recommended; at most 160 characters.
 *
 * <p>The title is the reference followed by the message; with a virtual account the reference is usually
 * left out, because the account itself identifies the unit.
 */
final class ZbpFormat implements PayloadFormat {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999.99");
    static final int MAX_LENGTH = 160;

    @Override
    public PaymentQrStandard standard() {
        return PaymentQrStandard.ZBP;
    }

    @Override
    public ErrorCorrectionLevel errorCorrection() {
        return ErrorCorrectionLevel.L;
    }

    @Override
    public String payload(PaymentOrder order) {
        OrderCheck check = new OrderCheck();
        if (!"PLN".equals(order.currency())) {
            check.add("currency", "ledger.payment.currency", order.currency(), "PLN");
        }
        String nrb = nrb(order.account(), check);
        String nip = null;
        if (order.creditorTaxId() != null && !order.creditorTaxId().isBlank()) {
            nip = PaymentIdentifiers.compact(order.creditorTaxId());
            if (nip.startsWith("PL")) {
                nip = nip.substring(2);
            }
            if (!OrderCheck.isValidNip(nip)) {
                check.add("creditorTaxId", "ledger.payment.nip.invalid");
            }
        }
        String name = check.name(order.creditorName(), 20, "|");
        check.amount(order.amount(), MAX_AMOUNT);
        String reference = OrderCheck.normalised(order.reference());
        String message = OrderCheck.normalised(order.message());
        String title = reference == null ? message : message == null ? reference : reference + " " + message;
        title = check.text(reference != null && message == null ? "reference" : "message", title, 32, "|");
        check.throwIfAny();

        long grosze = order.amount()
                .setScale(2, RoundingMode.UNNECESSARY)
                .movePointRight(2)
                .longValueExact();
        String payload = String.join(
                "|",
                nip == null ? "" : nip,
                "PL",
                nrb,
                String.format(Locale.ROOT, "%06d", grosze),
                name,
                title == null ? "" : title,
                "",
                "",
                "");
        if (payload.length() > MAX_LENGTH) {
            check.add("message", "ledger.payment.payload.too-large");
            check.throwIfAny();
        }
        return payload;
    }

    /** The 26 digits of a Polish account given as NRB or as a PL IBAN. */
    private static String nrb(String account, OrderCheck check) {
        String a = PaymentIdentifiers.compact(account);
        if (a == null || a.isEmpty()) {
            check.add("account", "ledger.payment.account.required");
            return null;
        }
        if (a.startsWith("PL")) {
            a = a.substring(2);
        }
        if (!PaymentIdentifiers.isValidNrb(a)) {
            check.add("account", "ledger.payment.account.nrb");
            return null;
        }
        return a;
    }
}
