/** JPA helpers shared by every Domus persistence unit. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.persistence.jpa;
