/** What a module's REST resources use from the platform's {@code /api} application. */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.domus.rest;
