package org.domus.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, as the platform sends it with media type
 * {@value DomusRest#PROBLEM_JSON} for every error of the {@code domus} application. Resources do not
 * build these: they throw {@link org.domus.core.DomusException} (or {@link ValidationException}) and the
 * platform's exception mapper answers. The record is public so that clients and tests can read problems.
 *
 * @param type URI of the problem type: {@code about:blank} for plain HTTP errors, otherwise
 *     {@code urn:domus:problem:<key>}
 * @param title short summary of the status, translated
 * @param status the HTTP status
 * @param detail explanation for this occurrence, translated into the request's language
 * @param instance the request path
 * @param errorId random id of this occurrence; the server log carries the same id
 * @param messageKey translation key of {@code detail} (stable, for clients that translate themselves)
 * @param errors field errors of a validation problem, otherwise absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String errorId,
        String messageKey,
        List<FieldError> errors) {

    /**
     * One refused field.
     *
     * @param field JSON property path, e.g. {@code name}
     * @param message translated message
     * @param messageKey translation key of the message
     */
    public record FieldError(String field, String message, String messageKey) {}
}
