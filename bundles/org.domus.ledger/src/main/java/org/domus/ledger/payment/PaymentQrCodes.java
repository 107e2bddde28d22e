package org.domus.ledger.payment;

import java.util.Optional;

/**
 * Makes payment QR codes. A service of the ledger bundle; it holds no state and may be called from any
 * thread.
 */
public interface PaymentQrCodes {

    /**
     * Checks the order against its currency's standard and encodes it.
     *
     * @return the code, or empty when the currency has no payment QR standard (RON: see {@link
     *     PaymentQrStandard})
     * @throws org.domus.core.registry.InvalidFieldsException naming every refused field of the order (invalid
     *     IBAN/NRB/BIC/NIP checksum, amount not positive or above the standard's limit or with more than two
     *     decimals, a missing or malformed variable symbol, text too long or with a separator the standard
     *     cannot carry)
     */
    Optional<PaymentQr> create(PaymentOrder order);
}
