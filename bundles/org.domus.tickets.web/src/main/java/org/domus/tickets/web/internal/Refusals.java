package org.domus.tickets.web.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import org.domus.core.DomusException;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.web.DomusUi;

/**
 * How the tickets' views tell the user that a service refused: translated notifications, one per problem,
 * and optionally the same text on the page (where a notification that fades is not enough, e.g. a refused
 * upload or the public form's rate limit).
 */
final class Refusals {

    private Refusals() {}

    static void show(DomusException error) {
        if (error instanceof InvalidFieldsException invalid && !invalid.errors().isEmpty()) {
            for (FieldError e : invalid.errors()) {
                DomusUi.showError(new DomusException(
                        DomusException.Kind.INVALID,
                        e.messageKey(),
                        e.arguments().toArray()));
            }
            return;
        }
        DomusUi.showError(error);
    }

    /** Shows the refusal as notifications and writes its first message into {@code where} (made visible). */
    static <T extends Component & HasText> void show(DomusException error, T where) {
        show(error);
        where.setText(text(error));
        where.setVisible(true);
    }

    /** The translated message of a refusal (its first field error for invalid fields). */
    static String text(DomusException error) {
        if (error instanceof InvalidFieldsException invalid && !invalid.errors().isEmpty()) {
            FieldError first = invalid.errors().get(0);
            return DomusUi.translate(first.messageKey(), first.arguments().toArray());
        }
        return DomusUi.translate(error.messageKey(), error.arguments().toArray());
    }
}
