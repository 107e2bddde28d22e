package org.domus.ledger.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.PaymentIdentifiers;
import org.domus.core.registry.Unit;

/**
 * One amount to pay by bank transfer, as a payment QR code carries it. The ledger core builds it from the
 * organisation's bank details and the unit's payment reference.
 *
 * @param creditorName who receives the money (the cooperative or association); cut to the length a standard
 *     allows (banks route by account, and a cooperative's legal name is often longer than ZBP's 20 characters)
 * @param account the account to pay into: an IBAN (spaces allowed); for PLN also a 26-digit NRB, normally the
 *     unit's virtual account
 * @param bic the bank's BIC, optional (needed by EPC QR only outside the EEA)
 * @param creditorTaxId the creditor's tax number, optional; the ZBP code carries a Polish NIP
 * @param amount the amount, positive, at most two decimals (round before, the code never rounds)
 * @param currency ISO 4217 code; it chooses the standard ({@link PaymentQrStandard#forCurrency})
 * @param reference the payment reference the bank statement must carry: the Czech variable symbol (digits,
 *     required for CZK), an ISO 11649 creditor reference ({@code RF...}) or free text; optional otherwise
 * @param message text for the payee (SPAYD {@code MSG}, EPC remittance text, ZBP title), optional
 * @param dueDate the due date, optional (only SPAYD carries it)
 */
public record PaymentOrder(
        String creditorName,
        String account,
        String bic,
        String creditorTaxId,
        BigDecimal amount,
        String currency,
        String reference,
        String message,
        LocalDate dueDate) {

    public PaymentOrder {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        currency = currency.strip().toUpperCase(Locale.ROOT);
    }

    /** Longest remittance text of each standard this builds (SPAYD {@code MSG}, EPC text, ZBP title). */
    private static final int SPAYD_MESSAGE = 60;

    private static final int EPC_NAME = 70;
    private static final int EPC_MESSAGE = 140;
    private static final int ZBP_TITLE = 32;

    /**
     * How to pay a unit's amount due by transfer, when the registry holds what the currency's QR standard
     * needs: for CZK the organisation's IBAN and the unit's variable symbol (SPAYD), for EUR the
     * organisation's IBAN (EPC QR), for PLN the unit's virtual account (NRB) and, when it is a valid NIP, the
     * organisation's tax id (ZBP). Empty when nothing is due, the data is missing or the currency has no
     * standard (RON). Statements, the REST amount due and the resident's page all use this one rule.
     *
     * @param message the text for the payee, cut to what the standard carries
     */
    public static Optional<PaymentOrder> forUnit(
            Organisation organisation, Unit unit, BigDecimal due, String currency, String message) {
        if (due == null || due.signum() <= 0 || currency == null) {
            return Optional.empty();
        }
        boolean ibanKnown = PaymentIdentifiers.isValidIban(organisation.iban());
        return switch (currency) {
            case "CZK" -> ibanKnown
                            && unit.variableSymbol() != null
                            && !unit.variableSymbol().isBlank()
                    ? Optional.of(new PaymentOrder(
                            organisation.recipient(),
                            organisation.iban(),
                            organisation.bic(),
                            null,
                            due,
                            currency,
                            unit.variableSymbol(),
                            cut(message, SPAYD_MESSAGE),
                            null))
                    : Optional.empty();
            case "EUR" -> ibanKnown
                    ? Optional.of(new PaymentOrder(
                            cut(organisation.recipient(), EPC_NAME),
                            organisation.iban(),
                            organisation.bic(),
                            null,
                            due,
                            currency,
                            null,
                            cut(message, EPC_MESSAGE),
                            null))
                    : Optional.empty();
            case "PLN" -> PaymentIdentifiers.isValidNrb(unit.virtualAccount())
                    ? Optional.of(new PaymentOrder(
                            organisation.recipient(),
                            PaymentIdentifiers.compact(unit.virtualAccount()),
                            null,
                            PaymentIdentifiers.isValidNip(organisation.taxId())
                                    ? PaymentIdentifiers.compact(organisation.taxId())
                                            .replaceFirst("^PL", "")
                                    : null,
                            due,
                            currency,
                            null,
                            cut(message, ZBP_TITLE),
                            null))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
