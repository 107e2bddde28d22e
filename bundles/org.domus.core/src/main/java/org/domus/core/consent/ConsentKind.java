package org.domus.core.consent;

/** The consents a resident may grant or revoke at any time. */
public enum ConsentKind {
    /** Invoices and statements by e-mail / in the portal instead of on paper. */
    E_INVOICE,
    /** Meter readings submitted or read electronically. */
    E_METER_READING,
    /** Paying debts in instalments under an agreed plan. */
    INSTALMENT_PAYMENTS,
    /** Notifications and news from the cooperative beyond what the law requires. */
    NOTIFICATIONS
}
