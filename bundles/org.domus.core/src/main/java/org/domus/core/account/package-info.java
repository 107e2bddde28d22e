/** User accounts, authentication (password and TOTP), login history, UI sessions, access tokens and accounts issued by the office. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.domus.core.account;
