package org.domus.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents a resource method (or, on a class, the tag of its operations) in the platform's OpenAPI
 * document at {@code /api/openapi.json}. Optional: undocumented methods are listed too, without a
 * summary.
 *
 * <pre>{@code
 * @GET
 * @Path("{id}")
 * @Doc(value = "One posting", description = "Postings are never changed; corrections are new postings.")
 * public PostingView posting(@PathParam("id") long id) { ... }
 *
 * @POST
 * @Doc(value = "Record a payment", status = 201, response = PostingView.class)
 * public Response pay(PaymentInput input) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Doc {

    /** One-line summary of the operation (or the tag's description on a class). */
    String value();

    /** Longer description; CommonMark is allowed. */
    String description() default "";

    /**
     * Success status. Defaults to 200, or 204 for {@code void} methods. Set it when the method returns a
     * {@code javax.ws.rs.core.Response}.
     */
    int status() default 0;

    /**
     * Type of the success body when the Java return type does not tell it (a method returning
     * {@code Response}). {@code Void.class} means: derive it from the return type.
     */
    Class<?> response() default Void.class;

    /** For {@link #response()}: the body is a JSON array of that type. */
    boolean responseIsList() default false;
}
