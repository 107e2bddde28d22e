/**
 * What a module's UI bundle uses to plug into the Domus shell.
 *
 * <ul>
 *   <li>{@link org.domus.web.ViewContribution} services add routes and menu entries at run time.
 *   <li>{@link org.domus.web.DomusUi} gives views the signed-in subject, translations and error
 *       notifications.
 *   <li>A contribution whose {@link org.domus.web.ViewContribution#isPublic()} is true is open to anonymous
 *       visitors (no sign-in, no menu entry, no subject).
 *   <li>Translations: a bundle that declares the manifest header {@value org.domus.web.DomusUi#I18N_HEADER}
 *       with a base name, for example {@code Domus-I18n: i18n/messages}, contributes the UTF-8 properties
 *       files {@code i18n/messages.properties} (English, the fallback), {@code i18n/messages_pl.properties},
 *       {@code _cs} and {@code _ro}. The shell tracks such bundles while they are active (extender
 *       pattern); their keys are available to every view through {@code getTranslation(key, args)}.
 *       Prefix keys with the module id ({@code ledger.balance.title}) to avoid clashes; when two bundles
 *       define a key, the one with the lower bundle id (normally the shell) wins.
 *   <li>{@link org.domus.web.Downloads} makes CSV and XLSX download links of a view's list (since 1.5).
 *   <li>{@link org.domus.web.HomeCard} services add cards to the start page, {@link org.domus.web.HeaderItem}
 *       services items to the top bar (since 1.6). The shell runs server push (long polling), so a view or
 *       item may update itself later through {@code UI.access(...)}.
 *   <li>The Vaadin API ({@code com.vaadin.*}, {@code elemental.*}) is exported by this bundle; module
 *       bundles import it and must not embed their own copy. Only components contained in the shell's
 *       production frontend bundle (all of vaadin-core) can be used; {@code @JsModule},
 *       {@code @CssImport} and {@code @NpmPackage} in module bundles have no effect.
 * </ul>
 */
@org.osgi.annotation.versioning.Version("1.6.0")
package org.domus.web;
