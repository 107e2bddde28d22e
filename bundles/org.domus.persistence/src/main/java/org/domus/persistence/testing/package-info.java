/**
 * Helpers for plain-Java unit tests of module bundles: apply the bundle's changelog to a test database
 * and run its services over a real {@code EntityManagerFactory}. Not used at run time.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.persistence.testing;
