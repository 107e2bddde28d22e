/** Database-backed rate limiting that holds across several nodes sharing one database. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.core.ratelimit;
