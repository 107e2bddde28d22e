/** User accounts, authentication, UI sessions and personal access tokens. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.domus.core.account;
