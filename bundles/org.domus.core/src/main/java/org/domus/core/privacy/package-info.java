/**
 * Personal data under the GDPR: the copy a person may ask for (art. 15, as JSON and as a readable PDF)
 * and the erasure of a former resident's data with the records the law requires kept (art. 17).
 *
 * <p>Modules add what they hold about a person by registering a
 * {@link org.domus.core.privacy.PersonalDataContributor} service; the platform's own sections (registry
 * record, tenures, account, logins, consents, tokens, audit trail) are a contributor too.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.core.privacy;
