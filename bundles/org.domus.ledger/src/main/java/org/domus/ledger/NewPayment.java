package org.domus.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment received for a unit.
 *
 * @param unitId the unit
 * @param amount positive, at most two decimals, in the organisation's currency
 * @param paidOn the booking date
 * @param method bank or cash
 * @param reference the bank reference, variable symbol or receipt number, optional, at most 64 characters
 */
public record NewPayment(long unitId, BigDecimal amount, LocalDate paidOn, PaymentMethod method, String reference) {}
