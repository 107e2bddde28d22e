package org.domus.core.registry;

import java.util.List;
import org.domus.core.DomusException;

/**
 * A refused registry object, field by field: an {@code INVALID} {@link DomusException} with key
 * {@code error.validation} whose {@link #errors()} name every bad field. REST answers 422 with the errors,
 * the UI shows them at the fields.
 */
public class InvalidFieldsException extends DomusException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidFieldsException(List<FieldError> errors) {
        super(Kind.INVALID, "error.validation");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
