package org.domus.ledger.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinRequest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.Holding;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Unit;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeLine;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.Posting;
import org.domus.ledger.TurnoverMonth;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.UnitBalance;
import org.domus.ledger.payment.CalendarFeedService;
import org.domus.ledger.payment.PaymentQr;
import org.domus.web.DomusUi;

/**
 * "My payments" of the signed-in resident, for one of the units they hold or live in (a chooser when there
 * are several): the balance and what to pay with the payment details and QR code, the charge components of
 * a month and how each is computed, the turnover sheet of a year, the payment history, the statement as a
 * PDF and the payment calendar, and the secret calendar subscription URL of the account. Only the subject's own units are ever offered or read.
 */
public class MyFinanceView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int HISTORY_PAGE = 50;
    /** Months offered in the month choosers, back from the current one. */
    static final int MONTHS_BACK = 36;

    private final transient ResidentFinance finance;
    private final Div content = new Div();
    private final transient CalendarFeedService feeds;
    private final Paragraph feedState = new Paragraph();
    private final TextField feedUrl = new TextField();
    private final Button feedCopy = new Button();
    private final Button feedIssue = new Button();
    private final Button feedRevoke = new Button();

    public MyFinanceView(ResidentFinance finance, CalendarFeedService feeds) {
        this.finance = finance;
        this.feeds = feeds;
        addClassName("domus-page");
        add(new H2(getTranslation("ledger.ui.my.title")));
        List<Holding> units = finance.myUnits(subject());
        if (units.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("ledger.ui.my.noUnits"));
            none.setId("ledger-my-none");
            add(none);
            return;
        }
        if (units.size() > 1) {
            Select<Holding> chooser = new Select<>();
            chooser.setId("ledger-my-unit");
            chooser.setLabel(getTranslation("ledger.ui.my.unit"));
            chooser.setItems(units);
            chooser.setItemLabelGenerator(MyFinanceView::label);
            chooser.setWidth("24em");
            chooser.setValue(units.get(0));
            chooser.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    show(e.getValue());
                }
            });
            add(chooser);
        }
        content.setWidthFull();
        add(content, feedCard());
        show(units.get(0));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.ui.my.title");
    }

    private static String label(Holding h) {
        return h.building().street() + " " + h.building().number() + " / "
                + h.unit().number();
    }

    private void show(Holding holding) {
        content.removeAll();
        long unitId = holding.unit().id();
        try {
            finance.requireMine(subject(), unitId);
            UnitBalance balance = finance.ledger().balance(subject(), unitId);
            content.add(
                    balanceCard(holding, balance),
                    chargesCard(unitId, holding.unit()),
                    turnoverCard(unitId),
                    historyCard(unitId, balance.currency()),
                    downloadsCard(unitId));
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
    }

    private Div balanceCard(Holding holding, UnitBalance balance) {
        Locale locale = getLocale();
        BigDecimal due = ResidentFinance.due(balance.balance());
        Div card = Panels.card(
                getTranslation("ledger.ui.my.balance"),
                Panels.field(
                        getTranslation("ledger.ui.my.balance.current"),
                        LedgerText.money(balance.balance(), balance.currency(), locale)
                                + " "
                                + getTranslation(
                                        balance.balance().signum() < 0
                                                ? "ledger.ui.my.balance.credit"
                                                : "ledger.ui.my.balance.owed"),
                        "ledger-my-balance"),
                Panels.field(
                        getTranslation("ledger.ui.my.due"),
                        LedgerText.money(due, balance.currency(), locale),
                        "ledger-my-due"));
        card.setId("ledger-my-balance-card");
        if (due.signum() <= 0) {
            card.add(new Paragraph(getTranslation("ledger.ui.my.nothingDue")));
            return card;
        }
        Unit unit = holding.unit();
        Organisation organisation = finance.organisation(unit.id());
        card.add(Panels.field(getTranslation("ledger.ui.my.pay.payee"), organisation.recipient(), null));
        boolean polish = "PLN".equals(balance.currency());
        String account = polish ? unit.virtualAccount() : organisation.iban();
        if (account != null && !account.isBlank()) {
            card.add(Panels.field(getTranslation("ledger.ui.my.pay.account"), account, "ledger-my-account"));
        }
        if (!polish && organisation.bic() != null && !organisation.bic().isBlank()) {
            card.add(Panels.field(getTranslation("ledger.ui.my.pay.bic"), organisation.bic(), null));
        }
        if ("CZK".equals(balance.currency())
                && unit.variableSymbol() != null
                && !unit.variableSymbol().isBlank()) {
            card.add(Panels.field(
                    getTranslation("ledger.ui.my.pay.variableSymbol"), unit.variableSymbol(), "ledger-my-vs"));
        }
        Optional<PaymentQr> qr = finance.amountDueQr(subject(), unit.id(), locale);
        if (qr.isPresent()) {
            byte[] png = qr.get().png(6);
            Image image = new Image(
                    new StreamResource("payment-" + unit.id() + ".png", () -> new ByteArrayInputStream(png)),
                    getTranslation(
                            "ledger.ui.my.qr.alt",
                            getTranslation("ledger.payment.standard." + qr.get().standard())));
            image.setId("ledger-my-qr");
            image.setWidth("12em");
            card.add(
                    image,
                    new Paragraph(getTranslation(
                            "ledger.ui.my.qr.hint",
                            getTranslation("ledger.payment.standard." + qr.get().standard()))));
        } else {
            card.add(new Paragraph(getTranslation("ledger.ui.my.qr.none")));
        }
        return card;
    }

    private Div chargesCard(long unitId, Unit unit) {
        Map<Long, ChargeComponent> components = finance.components(subject(), unitId);
        Select<YearMonth> month = monthSelect("ledger-my-month", getTranslation("ledger.ui.my.month"));
        Grid<ChargeLine> grid = new Grid<>();
        grid.setId("ledger-my-charges");
        grid.addColumn(l -> components.containsKey(l.componentId())
                        ? components.get(l.componentId()).name()
                        : l.componentCode())
                .setHeader(getTranslation("ledger.ui.charges.component"));
        grid.addColumn(l -> howComputed(l, unit)).setHeader(getTranslation("ledger.ui.charges.computed"));
        Grid.Column<ChargeLine> amount = grid.addColumn(l -> LedgerText.amount(l.amount(), getLocale()))
                .setHeader(getTranslation("ledger.ui.charges.amount"))
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        Runnable load = () -> {
            try {
                List<ChargeLine> lines = finance.billing().charges(subject(), unitId, month.getValue());
                grid.setItems(lines);
                BigDecimal total = lines.stream()
                        .map(ChargeLine::amount)
                        .reduce(BigDecimal.ZERO.setScale(LedgerAmounts.SCALE), BigDecimal::add);
                amount.setFooter(getTranslation("ledger.ui.charges.total", LedgerText.amount(total, getLocale())));
            } catch (DomusException e) {
                DomusUi.showError(e);
            }
        };
        month.addValueChangeListener(e -> load.run());
        load.run();
        Div card = Panels.card(getTranslation("ledger.ui.my.charges"), month, grid);
        card.setId("ledger-my-charges-card");
        return card;
    }

    /** How a line was computed, as far as a resident may know: the basis and the unit's quantity. */
    private String howComputed(ChargeLine line, Unit unit) {
        Locale locale = getLocale();
        String key = "ledger.ui.basis.explain." + line.basis().name();
        if (line.quantity() != null && line.rate() != null) {
            return getTranslation(
                    key, LedgerText.quantity(line.quantity(), locale), LedgerText.quantity(line.rate(), locale));
        }
        return switch (line.basis()) {
            case PER_AREA -> getTranslation(
                    "ledger.ui.basis.unit.PER_AREA",
                    unit.area() == null ? "—" : LedgerText.quantity(unit.area(), locale));
            case PER_PERSON -> getTranslation(
                    "ledger.ui.basis.unit.PER_PERSON",
                    finance.charges()
                            .personsOn(subject(), unit.id(), line.month().atDay(1)));
            case BY_SHARE -> getTranslation(
                    "ledger.ui.basis.unit.BY_SHARE",
                    unit.share() == null ? "—" : unit.share().toString());
            default -> getTranslation("ledger.ui.basis.unit." + line.basis().name());
        };
    }

    private Div turnoverCard(long unitId) {
        int thisYear = YearMonth.now(finance.clock()).getYear();
        Select<Integer> year = new Select<>();
        year.setId("ledger-my-year");
        year.setLabel(getTranslation("ledger.ui.turnover.year"));
        year.setItems(IntStream.rangeClosed(0, 9).mapToObj(i -> thisYear - i).toList());
        year.setValue(thisYear);
        Grid<TurnoverMonth> grid = turnoverGrid(getLocale(), this::getTranslation);
        grid.setId("ledger-my-turnover");
        Runnable load = () -> {
            YearMonth from = YearMonth.of(year.getValue(), 1);
            YearMonth to =
                    year.getValue() == thisYear ? YearMonth.now(finance.clock()) : YearMonth.of(year.getValue(), 12);
            try {
                TurnoverSheet sheet = finance.ledger().turnover(subject(), unitId, from, to);
                grid.setItems(sheet.months());
                turnoverFooter(grid, sheet, getLocale(), this::getTranslation);
            } catch (DomusException e) {
                DomusUi.showError(e);
            }
        };
        year.addValueChangeListener(e -> load.run());
        load.run();
        Div card = Panels.card(getTranslation("ledger.ui.turnover.title"), year, grid);
        card.setId("ledger-my-turnover-card");
        return card;
    }

    /** The turnover sheet's columns: month, opening, charges, payments, other, closing. */
    static Grid<TurnoverMonth> turnoverGrid(Locale locale, BiFunction<String, Object[], String> t) {
        Grid<TurnoverMonth> grid = new Grid<>();
        grid.addColumn(m -> LedgerText.month(m.month())).setHeader(t.apply("ledger.ui.turnover.month", new Object[0]));
        for (String column : List.of("opening", "charges", "payments", "other", "closing")) {
            grid.addColumn(m -> LedgerText.amount(value(m, column), locale))
                    .setHeader(t.apply("ledger.ui.turnover." + column, new Object[0]))
                    .setKey(column)
                    .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        }
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        return grid;
    }

    /** The period's totals under the sheet: first opening, sums of the movements, last closing. */
    static void turnoverFooter(
            Grid<TurnoverMonth> grid, TurnoverSheet sheet, Locale locale, BiFunction<String, Object[], String> t) {
        List<TurnoverMonth> months = sheet.months();
        if (months.isEmpty()) {
            return;
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
        grid.getColumnByKey("opening").setFooter(LedgerText.amount(months.get(0).opening(), locale));
        grid.getColumnByKey("charges")
                .setFooter(LedgerText.amount(
                        months.stream().map(TurnoverMonth::charges).reduce(zero, BigDecimal::add), locale));
        grid.getColumnByKey("payments")
                .setFooter(LedgerText.amount(
                        months.stream().map(TurnoverMonth::payments).reduce(zero, BigDecimal::add), locale));
        grid.getColumnByKey("other")
                .setFooter(LedgerText.amount(
                        months.stream().map(TurnoverMonth::other).reduce(zero, BigDecimal::add), locale));
        grid.getColumnByKey("closing")
                .setFooter(LedgerText.amount(months.get(months.size() - 1).closing(), locale));
        grid.getColumns().get(0).setFooter(t.apply("ledger.ui.turnover.total", new Object[0]));
    }

    private static BigDecimal value(TurnoverMonth m, String column) {
        return switch (column) {
            case "opening" -> m.opening();
            case "charges" -> m.charges();
            case "payments" -> m.payments();
            case "other" -> m.other();
            default -> m.closing();
        };
    }

    private Div historyCard(long unitId, String currency) {
        Grid<Posting> grid = postingsGrid(getLocale(), this::getTranslation);
        grid.setId("ledger-my-postings");
        Subject me = subject();
        grid.setItems(
                query -> finance.ledger().postings(me, unitId, query.getOffset(), query.getLimit()).items().stream(),
                query -> (int) finance.ledger().postings(me, unitId, 0, 1).total());
        grid.setPageSize(HISTORY_PAGE);
        grid.setHeight("20em");
        Div card = Panels.card(getTranslation("ledger.ui.my.history", currency), grid);
        card.setId("ledger-my-history-card");
        return card;
    }

    /** Postings of a unit account: booking date, what it was, the month, charged and paid. */
    static Grid<Posting> postingsGrid(Locale locale, BiFunction<String, Object[], String> t) {
        Grid<Posting> grid = new Grid<>();
        grid.addColumn(p -> LedgerText.date(p.bookingDate(), locale))
                .setHeader(t.apply("ledger.ui.posting.date", new Object[0]));
        grid.addColumn(p -> t.apply("ledger.ui.kind." + p.kind().name(), new Object[0]))
                .setHeader(t.apply("ledger.ui.posting.kind", new Object[0]));
        grid.addColumn(p -> LedgerText.month(p.period())).setHeader(t.apply("ledger.ui.posting.period", new Object[0]));
        grid.addColumn(p -> p.debit().signum() == 0 ? "" : LedgerText.amount(p.debit(), locale))
                .setHeader(t.apply("ledger.ui.posting.debit", new Object[0]))
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(p -> p.credit().signum() == 0 ? "" : LedgerText.amount(p.credit(), locale))
                .setHeader(t.apply("ledger.ui.posting.credit", new Object[0]))
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        return grid;
    }

    private Div downloadsCard(long unitId) {
        YearMonth now = YearMonth.now(finance.clock());
        Select<YearMonth> from = monthSelect("ledger-my-statement-from", getTranslation("ledger.ui.statement.from"));
        from.setValue(now.minusMonths(11));
        Select<YearMonth> to = monthSelect("ledger-my-statement-to", getTranslation("ledger.ui.statement.to"));
        Anchor statement = new Anchor();
        statement.setId("ledger-my-statement");
        statement.setText(getTranslation("ledger.ui.statement.download"));
        statement.getElement().setAttribute("download", true);
        Subject me = subject();
        Locale locale = getLocale();
        Runnable update = () -> {
            YearMonth f = from.getValue();
            YearMonth t = to.getValue();
            boolean valid = f != null && t != null && !f.isAfter(t);
            from.setInvalid(!valid);
            from.setErrorMessage(valid ? null : getTranslation("ledger.turnover.range.invalid"));
            statement.setEnabled(valid);
            if (valid) {
                statement.setHref(new StreamResource(
                                "statement-" + unitId + "-" + f + "-" + t + ".pdf",
                                () -> new ByteArrayInputStream(finance.statementPdf(me, unitId, f, t, locale)))
                        .setContentType("application/pdf"));
            } else {
                statement.removeHref();
            }
        };
        from.addValueChangeListener(e -> update.run());
        to.addValueChangeListener(e -> update.run());
        update.run();

        String domain = uidDomain();
        Anchor calendar = new Anchor(
                new StreamResource(
                                "payments-" + unitId + ".ics",
                                () -> new ByteArrayInputStream(finance.calendar(me, unitId, locale, domain)
                                        .getBytes(StandardCharsets.UTF_8)))
                        .setContentType("text/calendar; charset=utf-8"),
                getTranslation("ledger.ui.calendar.download"));
        calendar.setId("ledger-my-calendar");
        calendar.getElement().setAttribute("download", true);
        HorizontalLayout range = new HorizontalLayout(from, to);
        range.setAlignItems(Alignment.BASELINE);
        Div card = Panels.card(
                getTranslation("ledger.ui.my.documents"),
                range,
                statement,
                new Paragraph(getTranslation("ledger.ui.calendar.hint")),
                calendar);
        card.setId("ledger-my-documents-card");
        return card;
    }

    /**
     * The calendar subscription: a secret URL of the payment calendar of all the resident's units, for
     * calendar apps that cannot sign in. The URL is shown once, when created (creating again rotates it: the
     * old one stops working); revoking ends it.
     */
    private Div feedCard() {
        feedState.setId("ledger-my-feed-state");
        feedUrl.setId("ledger-my-feed-url");
        feedUrl.setLabel(getTranslation("ledger.ui.feed.url"));
        feedUrl.setReadOnly(true);
        feedUrl.setWidthFull();
        feedUrl.setHelperText(getTranslation("ledger.ui.feed.once"));
        feedUrl.setVisible(false);
        feedCopy.setId("ledger-my-feed-copy");
        feedCopy.setText(getTranslation("ledger.ui.feed.copy"));
        feedCopy.setVisible(false);
        feedCopy.addClickListener(e -> {
            feedCopy.getElement()
                    .executeJs("if (navigator.clipboard) { navigator.clipboard.writeText($0); }", feedUrl.getValue());
            DomusUi.showSuccess("ledger.ui.feed.copied");
        });
        feedIssue.setId("ledger-my-feed-issue");
        feedIssue.addClickListener(e -> {
            try {
                String path = CalendarFeedService.path(feeds.issue(subject()));
                showFeed();
                // The address the browser reached this page by is the one that works from the calendar app.
                getUI().ifPresent(ui -> ui.getPage().fetchCurrentURL(page -> {
                    feedUrl.setValue(page.getProtocol() + "://" + page.getAuthority() + path);
                    feedUrl.setVisible(true);
                    feedCopy.setVisible(true);
                }));
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        feedRevoke.setId("ledger-my-feed-revoke");
        feedRevoke.setText(getTranslation("ledger.ui.feed.revoke"));
        feedRevoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        feedRevoke.addClickListener(e -> {
            try {
                feeds.revoke(subject());
                feedUrl.clear();
                feedUrl.setVisible(false);
                feedCopy.setVisible(false);
                showFeed();
                DomusUi.showSuccess("ledger.ui.feed.revoked");
            } catch (DomusException ex) {
                DomusUi.showError(ex);
            }
        });
        HorizontalLayout copyRow = new HorizontalLayout(feedUrl, feedCopy);
        copyRow.setWidthFull();
        copyRow.setAlignItems(Alignment.BASELINE);
        Div card = Panels.card(
                getTranslation("ledger.ui.feed.title"),
                new Paragraph(getTranslation("ledger.ui.feed.hint")),
                feedState,
                copyRow,
                new HorizontalLayout(feedIssue, feedRevoke));
        card.setId("ledger-my-feed-card");
        showFeed();
        return card;
    }

    /** Whether the resident has a feed URL, since when, and the buttons that fit. */
    private void showFeed() {
        Optional<Instant> issued = feeds.issuedAt(subject());
        feedState.setText(issued.map(at -> getTranslation(
                        "ledger.ui.feed.active",
                        LedgerText.date(at.atZone(finance.clock().getZone()).toLocalDate(), getLocale())))
                .orElseGet(() -> getTranslation("ledger.ui.feed.none")));
        feedIssue.setText(getTranslation(issued.isPresent() ? "ledger.ui.feed.rotate" : "ledger.ui.feed.create"));
        feedRevoke.setVisible(issued.isPresent());
    }

    /** Months from {@link #MONTHS_BACK} back to the current one, newest first, the current one chosen. */
    private Select<YearMonth> monthSelect(String id, String label) {
        YearMonth now = YearMonth.now(finance.clock());
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i <= MONTHS_BACK; i++) {
            months.add(now.minusMonths(i));
        }
        Select<YearMonth> select = new Select<>();
        select.setId(id);
        select.setLabel(label);
        select.setItems(months);
        select.setItemLabelGenerator(LedgerText::month);
        select.setValue(now);
        return select;
    }

    /** The host name this installation answers to: the right-hand side of calendar event UIDs. */
    private static String uidDomain() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String host = request == null ? null : request.getHeader("Host");
        if (host != null) {
            host = host.replaceAll(":.*$", "");
        }
        return host == null || !host.matches("[A-Za-z0-9.-]+") ? "domus" : host;
    }

    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
