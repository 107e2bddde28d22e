/**
 * Bank statement import: {@link org.domus.ledger.imports.PaymentImportService} reads a statement file
 * ({@link org.domus.ledger.imports.StatementFormat}), matches its credit lines to units and previews or posts
 * them as payments; {@link org.domus.ledger.imports.ImportReport} says line by line what happened.
 *
 * <p>Problems are message keys ({@code ledger.import.*}) translated in the ledger bundle's {@code
 * i18n/messages} catalogs, which the shell also loads, so views translate them with {@code getTranslation}.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.domus.ledger.imports;
