package org.domus.web.internal.registry;

import java.util.List;
import java.util.function.Function;
import org.domus.core.DomusException;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.web.DomusUi;

/** How views tell the user that the service refused a change. */
final class Feedback {

    private Feedback() {}

    /**
     * Field errors go to the form's fields (those no field shows become notifications); any other
     * refusal, a stale version included ({@code registry.version.conflict}), is a translated notification.
     */
    static void refused(DomusException error, Function<InvalidFieldsException, List<FieldError>> form) {
        if (error instanceof InvalidFieldsException invalid) {
            for (FieldError rest : form.apply(invalid)) {
                DomusUi.showError(new DomusException(
                        DomusException.Kind.INVALID,
                        rest.messageKey(),
                        rest.arguments().toArray()));
            }
            return;
        }
        DomusUi.showError(error);
    }
}
