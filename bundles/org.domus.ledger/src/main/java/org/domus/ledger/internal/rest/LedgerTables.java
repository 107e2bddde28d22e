package org.domus.ledger.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domus.core.export.ColumnType;
import org.domus.core.export.Table;
import org.domus.ledger.AccountKind;
import org.domus.ledger.Arrear;
import org.domus.ledger.Posting;
import org.domus.ledger.TransparencyReport;
import org.domus.ledger.TurnoverMonth;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.internal.statement.Texts;

/** The ledger's lists as downloadable tables, with headers in the reader's language. */
final class LedgerTables {

    private LedgerTables() {}

    static Table arrears(List<Arrear> arrears, Texts t) {
        Table.Builder table = Table.builder(t.get("ledger.export.arrears.title"))
                .column(t.get("ledger.export.address"), ColumnType.TEXT)
                .column(t.get("ledger.export.unit"), ColumnType.TEXT)
                .column(t.get("ledger.export.arrears.holders"), ColumnType.TEXT)
                .column(t.get("ledger.export.currency"), ColumnType.TEXT)
                .column(t.get("ledger.export.arrears.debt"), ColumnType.MONEY)
                .column(t.get("ledger.export.arrears.since"), ColumnType.MONTH)
                .column(t.get("ledger.export.arrears.months"), ColumnType.INTEGER);
        for (Arrear a : arrears) {
            table.row(
                    a.address(),
                    a.unitNumber(),
                    String.join(", ", a.holders()),
                    a.currency(),
                    a.debt(),
                    a.since(),
                    a.monthsOverdue());
        }
        return table.build();
    }

    static Table transparency(TransparencyReport report, String organisation, Texts t) {
        Table.Builder table = Table.builder(t.get("ledger.export.transparency.title", organisation))
                .column(t.get("ledger.export.month"), ColumnType.TEXT);
        for (TransparencyReport.Component c : report.components()) {
            table.column(t.get("ledger.export.transparency.charge", c.name()), ColumnType.MONEY);
        }
        table.column(t.get("ledger.export.transparency.charges"), ColumnType.MONEY)
                .column(t.get("ledger.export.transparency.payments"), ColumnType.MONEY)
                .column(t.get("ledger.export.transparency.refunds"), ColumnType.MONEY)
                .column(t.get("ledger.export.transparency.expenses"), ColumnType.MONEY);
        List<AccountKind> otherKinds = new ArrayList<>();
        for (AccountKind kind : AccountKind.values()) {
            if (report.totals().other().containsKey(kind)
                    || report.months().stream().anyMatch(m -> m.other().containsKey(kind))) {
                otherKinds.add(kind);
                table.column(
                        t.get("ledger.export.transparency.other", t.get("ledger.account.kind." + kind.name())),
                        ColumnType.MONEY);
            }
        }
        table.column(t.get("ledger.export.transparency.bank"), ColumnType.MONEY)
                .column(t.get("ledger.export.transparency.cash"), ColumnType.MONEY);
        for (TransparencyReport.Month m : report.months()) {
            table.row(month(m, m.month().toString(), otherKinds));
        }
        table.row(month(report.totals(), t.get("ledger.export.total"), otherKinds));
        return table.build();
    }

    private static List<Object> month(TransparencyReport.Month m, String label, List<AccountKind> otherKinds) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        row.addAll(m.charges());
        row.add(m.chargesTotal());
        row.add(m.payments());
        row.add(m.refunds());
        row.add(m.expenses());
        Map<AccountKind, ?> other = m.other();
        for (AccountKind kind : otherKinds) {
            row.add(other.get(kind));
        }
        row.add(m.bankBalance());
        row.add(m.cashBalance());
        return row;
    }

    static Table postings(long unitId, List<Posting> postings, Map<Long, String> componentNames, Texts t) {
        Table.Builder table = Table.builder(t.get("ledger.export.postings.title", String.valueOf(unitId)))
                .column(t.get("ledger.export.date"), ColumnType.DATE)
                .column(t.get("ledger.export.postings.kind"), ColumnType.TEXT)
                .column(t.get("ledger.export.month"), ColumnType.MONTH)
                .column(t.get("ledger.export.postings.component"), ColumnType.TEXT)
                .column(t.get("ledger.export.postings.debit"), ColumnType.MONEY)
                .column(t.get("ledger.export.postings.credit"), ColumnType.MONEY)
                .column(t.get("ledger.export.currency"), ColumnType.TEXT)
                .column(t.get("ledger.export.postings.transaction"), ColumnType.INTEGER)
                .column(t.get("ledger.export.postings.actor"), ColumnType.TEXT);
        for (Posting p : postings) {
            table.row(
                    p.bookingDate(),
                    t.get("ledger.export.kind." + p.kind().name()),
                    p.period(),
                    p.componentId() == null ? null : componentNames.get(p.componentId()),
                    p.debit().signum() == 0 ? null : p.debit(),
                    p.credit().signum() == 0 ? null : p.credit(),
                    p.currency(),
                    p.transactionId(),
                    p.actorLogin());
        }
        return table.build();
    }

    static Table turnover(TurnoverSheet sheet, Texts t) {
        Table.Builder table = Table.builder(t.get("ledger.export.turnover.title", String.valueOf(sheet.unitId())))
                .column(t.get("ledger.export.month"), ColumnType.MONTH)
                .column(t.get("ledger.export.turnover.opening"), ColumnType.MONEY)
                .column(t.get("ledger.export.turnover.charges"), ColumnType.MONEY)
                .column(t.get("ledger.export.turnover.payments"), ColumnType.MONEY)
                .column(t.get("ledger.export.turnover.other"), ColumnType.MONEY)
                .column(t.get("ledger.export.turnover.closing"), ColumnType.MONEY)
                .column(t.get("ledger.export.currency"), ColumnType.TEXT);
        for (TurnoverMonth m : sheet.months()) {
            table.row(m.month(), m.opening(), m.charges(), m.payments(), m.other(), m.closing(), sheet.currency());
        }
        return table.build();
    }
}
