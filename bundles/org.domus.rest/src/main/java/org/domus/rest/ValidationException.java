package org.domus.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.domus.core.DomusException;

/**
 * Refuses a request body or parameters field by field. The platform answers with a 422 problem document
 * whose {@code errors} array lists every {@link Violation}, each translated into the request's language.
 *
 * <pre>{@code
 * ValidationException.Builder errors = ValidationException.builder();
 * if (input.name() == null || input.name().isBlank()) errors.add("name", "validation.required");
 * errors.throwIfAny();
 * }</pre>
 *
 * <p>It is a {@link DomusException} of kind {@code INVALID} with key {@code error.validation}, so code that
 * catches domain exceptions handles it too.
 */
public class ValidationException extends DomusException {

    private static final long serialVersionUID = 1L;

    /**
     * One refused field.
     *
     * @param field JSON property path of the field, e.g. {@code name} or {@code lines[2].amount}
     * @param messageKey translation key, e.g. {@code validation.required}
     * @param arguments values for {0}, {1}... of the translated message
     */
    public record Violation(String field, String messageKey, List<Object> arguments) {
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(messageKey, "messageKey");
            // Arguments may be null (a refused value); List.copyOf would reject those.
            arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
        }
    }

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(Kind.INVALID, "error.validation");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects violations so that a client learns about every bad field at once. */
    public static final class Builder {
        private final List<Violation> violations = new ArrayList<>();

        private Builder() {}

        public Builder add(String field, String messageKey, Object... arguments) {
            violations.add(new Violation(field, messageKey, Arrays.asList(arguments)));
            return this;
        }

        public boolean isEmpty() {
            return violations.isEmpty();
        }

        /** The exception with the violations added so far (to throw it yourself). */
        public ValidationException build() {
            return new ValidationException(violations);
        }

        /** @throws ValidationException when at least one violation was added */
        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
        }
    }
}
