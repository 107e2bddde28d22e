package org.domus.core.account;

/**
 * A started TOTP enrolment: what the holder puts into an authenticator app. Shown once; after
 * confirmation the secret can no longer be read from Domus.
 *
 * @param secret the Base32 key for manual entry
 * @param uri the {@code otpauth://totp/...} URI
 * @param qrPng the URI as a QR code, {@code data:image/png;base64,...}
 * @since 1.2
 */
public record TotpEnrolment(String secret, String uri, String qrPng) {}
