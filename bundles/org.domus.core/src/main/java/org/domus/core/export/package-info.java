/**
 * Tables that any list in Domus can be downloaded as: a {@link org.domus.core.export.Table} of typed
 * columns with headers already translated, written by {@link org.domus.core.export.TableFormat} as CSV
 * (for spreadsheets of the reader's locale) or as an XLSX workbook. Used by REST resources and views
 * alike; nothing here depends on JAX-RS or Vaadin.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.core.export;
