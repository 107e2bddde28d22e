package org.domus.ledger.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

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
}
