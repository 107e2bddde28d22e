/**
 * CSV import of the registry: buildings, units, persons and tenures from the spreadsheets an office
 * keeps. {@link org.domus.core.registry.imports.RegistryImport} previews a file row by row and applies it
 * in one transaction; re-importing the same file adds nothing. The columns of each kind are listed by
 * {@link org.domus.core.registry.imports.ImportKind#columns()}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.domus.core.registry.imports;
