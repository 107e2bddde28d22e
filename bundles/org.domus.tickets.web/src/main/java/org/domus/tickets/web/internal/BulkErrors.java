package org.domus.tickets.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domus.core.DomusException;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.tickets.Ticket;

/**
 * Why a bulk action changed nothing, ticket by ticket: the service refuses the whole batch and names each
 * failing ticket by its index in the batch ({@code tickets[i]}); the panel shows the ticket's reference with
 * the translated reason.
 */
final class BulkErrors {

    private static final Pattern INDEX = Pattern.compile("tickets\\[(\\d+)]");

    private BulkErrors() {}

    /** One refused ticket: its reference (null when the refusal names none) and the message to translate. */
    record Line(String reference, String messageKey, List<Object> arguments) {}

    /** The lines of a refusal of a batch of {@code sent} tickets, in the order sent. */
    static List<Line> lines(List<Ticket> sent, DomusException error) {
        List<Line> lines = new ArrayList<>();
        if (error instanceof InvalidFieldsException invalid && !invalid.errors().isEmpty()) {
            for (FieldError e : invalid.errors()) {
                Matcher m = e.field() == null ? null : INDEX.matcher(e.field());
                String reference = null;
                if (m != null && m.find()) {
                    int i = Integer.parseInt(m.group(1));
                    reference = i < sent.size() ? sent.get(i).reference() : null;
                }
                lines.add(new Line(reference, e.messageKey(), e.arguments()));
            }
            return lines;
        }
        lines.add(new Line(null, error.messageKey(), error.arguments()));
        return lines;
    }
}
