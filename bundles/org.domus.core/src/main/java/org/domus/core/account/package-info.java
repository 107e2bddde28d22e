/**
 * User accounts, authentication (password and TOTP), scoped role grants, login history, UI sessions,
 * access tokens and accounts issued by the office.
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.domus.core.account;
