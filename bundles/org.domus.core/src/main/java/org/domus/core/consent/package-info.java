/** Terms of use acceptance and the consents a resident grants or revokes, with their history. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.core.consent;
