/**
 * The Domus platform API that every module builds on: who is acting ({@link org.domus.core.Subject}),
 * which roles exist ({@link org.domus.core.Role}) and how a service reports a refused request
 * ({@link org.domus.core.DomusException}). No Vaadin and no JAX-RS types appear here.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.domus.core;
