/** User accounts, authentication, UI sessions and personal access tokens. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.domus.core.account;
