package org.domus.core.registry.imports;

import java.util.ArrayList;
import java.util.List;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;

/**
 * An import that wrote nothing because rows are invalid (and only valid rows were not asked for). The
 * field errors name each problem as {@code lines[<line>].<column>}; {@link #report()} has the whole
 * row-by-row result.
 */
public class ImportRefusedException extends InvalidFieldsException {

    private static final long serialVersionUID = 1L;

    private final transient ImportReport report;

    public ImportRefusedException(ImportReport report) {
        super(errorsOf(report));
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }

    private static List<FieldError> errorsOf(ImportReport report) {
        List<FieldError> errors = new ArrayList<>();
        for (ImportRow row : report.rows()) {
            for (ImportProblem p : row.problems()) {
                String field = "lines[" + p.line() + "]" + (p.column() == null ? "" : "." + p.column());
                errors.add(new FieldError(field, p.messageKey(), p.arguments()));
            }
        }
        return errors;
    }
}
