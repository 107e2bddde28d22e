package org.domus.ledger.web.internal;

import org.domus.core.DomusException;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.web.DomusUi;

/** How the ledger's views tell the user that a service refused: translated notifications, one per problem. */
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
}
