/**
 * What a module's UI bundle uses to plug into the Domus shell: {@link org.domus.web.ViewContribution}
 * services and the {@link org.domus.web.DomusUi} helpers for the signed-in subject and translations.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.web;
