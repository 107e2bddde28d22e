package org.domus.core.registry;

/** What a person is to a unit. */
public enum TenureRole {
    OWNER,
    CO_OWNER,
    MEMBER,
    TENANT,
    RESIDENT
}
