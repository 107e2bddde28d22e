/**
 * What a resident is shown to pay, in the forms banks and calendars read: payment QR codes, the statement
 * of account as a PDF and the payment calendar as iCalendar.
 *
 * <p>Everything here works on small input records that the ledger core fills from its accounts, so the
 * renderers know nothing about postings or persistence:
 *
 * <ul>
 *   <li>{@link org.domus.ledger.payment.PaymentQrCodes} turns a {@link org.domus.ledger.payment.PaymentOrder}
 *       into the QR code of the standard the payer's bank reads for that currency ({@link
 *       org.domus.ledger.payment.PaymentQrStandard}): EPC QR for EUR, SPAYD ("QR Platba") for CZK, the ZBP 2D
 *       code for PLN. Romanian lei have no such standard and get no code (see the enum's documentation).
 *   <li>{@link org.domus.ledger.payment.StatementPdf} renders a {@link org.domus.ledger.payment.Statement}
 *       (opening balance, lines, closing balance, amount due with its QR code) as an A4 PDF in the
 *       resident's language.
 *   <li>{@link org.domus.ledger.payment.PaymentCalendar} renders a {@link
 *       org.domus.ledger.payment.PaymentCalendarFeed} of {@link org.domus.ledger.payment.PaymentDue} dates as an
 *       RFC 5545 calendar that residents subscribe to.
 *   <li>{@link org.domus.ledger.payment.UnitDocuments} assembles both for one unit from its account, after
 *       checking the subject's access, so every caller prints the same statement and calendar.
 * </ul>
 *
 * <p>Bad input is refused with an {@link org.domus.core.registry.InvalidFieldsException} naming each field
 * and a message key ({@code ledger.payment.*}) translated in this bundle's {@code i18n/messages} catalogs;
 * REST turns it into a 422 problem document.
 */
@org.osgi.annotation.versioning.Version("0.4.0")
package org.domus.ledger.payment;
