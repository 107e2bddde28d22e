package org.domus.rest.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resources and methods an account may use while its roles require TOTP that it has not set
 * up yet: reading who it is, enrolling and signing out. {@link AuthenticationFilter} refuses everything
 * else to such an account with 403 {@code error.totp.enrolment-required}, as the web UI sends it to the
 * enrolment page.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WithoutTotpEnrolment {}
