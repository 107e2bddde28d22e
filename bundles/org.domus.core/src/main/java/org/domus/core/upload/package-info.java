/**
 * Server-side checking of uploaded files by their content (never by their name): type detection by magic
 * bytes and structure, image re-encoding without metadata, PDF screening, size and name rules.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.core.upload;
