/**
 * Fixtures for the modules' plain-Java unit tests: a fresh in-memory Derby with the platform's and the module's
 * real changelogs, the platform's real registry and access policy, and a clock tests move. A test-scope
 * dependency only; never deployed.
 */
package org.domus.testing;
