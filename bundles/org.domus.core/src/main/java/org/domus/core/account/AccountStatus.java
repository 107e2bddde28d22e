package org.domus.core.account;

/** Lifecycle of a user account. */
public enum AccountStatus {
    ACTIVE,
    LOCKED,
    DISABLED
}
