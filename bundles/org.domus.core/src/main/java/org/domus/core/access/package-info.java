/** The one place that answers "may this subject see or do this". */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.domus.core.access;
