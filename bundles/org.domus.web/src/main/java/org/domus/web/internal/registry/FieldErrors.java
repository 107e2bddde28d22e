package org.domus.web.internal.registry;

import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;

/** Puts the service's field errors at the matching form fields. */
final class FieldErrors {

    private FieldErrors() {}

    /**
     * Marks every field named by an error as invalid with the translated message.
     *
     * @param fields form fields by the service's property names ({@code area}, {@code address.city})
     * @return the errors no field matches; the caller shows them otherwise
     */
    static List<FieldError> show(
            InvalidFieldsException error, Map<String, ? extends HasValidation> fields, Translator translator) {
        List<FieldError> unmatched = new ArrayList<>();
        for (FieldError e : error.errors()) {
            HasValidation field = fields.get(e.field());
            if (field == null) {
                unmatched.add(e);
                continue;
            }
            field.setErrorMessage(
                    translator.translate(e.messageKey(), e.arguments().toArray()));
            field.setInvalid(true);
        }
        return unmatched;
    }
}
