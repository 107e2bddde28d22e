/**
 * QR codes made on the server ({@link org.domus.core.qr.QrCodes}), so that no script in the browser and
 * no outside service sees what they encode (a TOTP secret, a building's public form address). Nothing
 * here depends on JAX-RS or Vaadin; ZXing is installed with the platform.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.domus.core.qr;
