package org.domus.ledger.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouterLink;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.registry.Building;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Unit;
import org.domus.ledger.ChargeComponent;
import org.domus.ledger.ChargeService;
import org.domus.ledger.LedgerAccount;
import org.domus.ledger.LedgerPermissions;
import org.domus.ledger.LedgerService;
import org.domus.ledger.LedgerTransaction;
import org.domus.ledger.NewPayment;
import org.domus.ledger.PaymentMethod;
import org.domus.ledger.PaymentService;
import org.domus.ledger.Posting;
import org.domus.ledger.TransactionKind;
import org.domus.ledger.TurnoverSheet;
import org.domus.ledger.UnitBalance;
import org.domus.web.DomusUi;

/**
 * One unit's ledger for staff at {@code ledger/unit/<id>}: balance, turnover of the last twelve months and
 * every posting, each opening its whole transaction (all postings, who posted it, reversal links).
 * Accountants (who hold {@link LedgerPermissions#POST} on the unit) record payments and refunds here and
 * reverse transactions, with a confirmation and a reason. Staff outside their scope get the shell's "access
 * denied", anyone else "not found".
 */
public class UnitLedgerView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;
    private static final int TURNOVER_MONTHS = 12;

    private final transient LedgerService ledger;
    private final transient PaymentService payments;
    private final transient ChargeService charges;
    private final transient RegistryService registry;
    private final transient AccessPolicy policy;
    private Unit unit;
    private Building building;
    private RegistryLocation location;
    private boolean mayPost;
    private Grid<Posting> postings;

    public UnitLedgerView(
            LedgerService ledger,
            PaymentService payments,
            ChargeService charges,
            RegistryService registry,
            AccessPolicy policy) {
        this.ledger = ledger;
        this.payments = payments;
        this.charges = charges;
        this.registry = registry;
        this.policy = policy;
        addClassName("domus-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.ui.unit.title");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            Optional<RegistryLocation> where = policy.locate(null, id);
            policy.requireRegistry(subject(), LedgerPermissions.READ, where, false, "ledger.unit.not-found");
            location = where.get();
            unit = registry.unit(subject(), id);
            building = registry.building(subject(), unit.buildingId());
            mayPost = policy.registryScope(subject(), LedgerPermissions.POST).covers(location);
            render();
        } catch (DomusException e) {
            if (!DomusUi.showRefusal(event, e)) {
                removeAll();
                add(new H2(getTranslation("ledger.ui.unit.title")), new Paragraph(getTranslation(e.messageKey())));
            }
        }
    }

    private void render() {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("ledger.ui.units.back"), LedgerUnitsView.class);
        H2 title = new H2(getTranslation("ledger.ui.unit.heading", unit.number(), building.address()));
        add(back, title);
        if (mayPost) {
            Button pay = new Button(getTranslation("ledger.ui.payment.record"), e -> openMoney(false));
            pay.setId("ledger-unit-pay");
            pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button refund = new Button(getTranslation("ledger.ui.refund.record"), e -> openMoney(true));
            refund.setId("ledger-unit-refund");
            add(new HorizontalLayout(pay, refund));
        }
        UnitBalance balance = ledger.balance(subject(), unit.id());
        Div balanceCard = Panels.card(
                getTranslation("ledger.ui.unit.balance"),
                Panels.field(
                        getTranslation("ledger.ui.unit.balance.current"),
                        LedgerText.money(balance.balance(), balance.currency(), getLocale()),
                        "ledger-unit-balance"));
        YearMonth now = YearMonth.now();
        TurnoverSheet sheet = ledger.turnover(subject(), unit.id(), now.minusMonths(TURNOVER_MONTHS - 1L), now);
        Grid<org.domus.ledger.TurnoverMonth> turnover = MyFinanceView.turnoverGrid(getLocale(), this::getTranslation);
        turnover.setId("ledger-unit-turnover");
        turnover.setItems(sheet.months());
        MyFinanceView.turnoverFooter(turnover, sheet, getLocale(), this::getTranslation);

        postings = MyFinanceView.postingsGrid(getLocale(), this::getTranslation);
        postings.setId("ledger-unit-postings");
        postings.addColumn(p -> String.valueOf(p.transactionId()))
                .setHeader(getTranslation("ledger.ui.posting.transaction"));
        postings.addColumn(Posting::actorLogin).setHeader(getTranslation("ledger.ui.posting.actor"));
        Subject me = subject();
        long unitId = unit.id();
        postings.setItems(
                query -> ledger.postings(me, unitId, query.getOffset(), query.getLimit()).items().stream(),
                query -> (int) ledger.postings(me, unitId, 0, 1).total());
        postings.setPageSize(PAGE);
        postings.setHeight("24em");
        postings.addItemClickListener(e -> openTransaction(e.getItem().transactionId()));
        add(
                balanceCard,
                Panels.card(getTranslation("ledger.ui.turnover.title"), turnover),
                Panels.card(
                        getTranslation("ledger.ui.unit.postings"),
                        new Paragraph(getTranslation("ledger.ui.unit.postings.hint")),
                        postings));
    }

    /** The whole transaction of a posting: header, every posting with its account, reversal links. */
    void openTransaction(long transactionId) {
        LedgerTransaction tx;
        try {
            tx = ledger.transaction(subject(), transactionId);
        } catch (DomusException e) {
            Refusals.show(e);
            return;
        }
        Map<Long, String> accounts = new HashMap<>();
        Map<Long, String> componentNames = new HashMap<>();
        try {
            for (LedgerAccount a : ledger.organisationAccounts(subject(), tx.organisationId())) {
                accounts.put(a.id(), a.name());
            }
            for (ChargeComponent c : charges.components(subject(), tx.organisationId())) {
                componentNames.put(c.id(), c.name());
            }
        } catch (DomusException e) {
            // Names are a help only; the codes below still identify every account.
        }
        Dialog dialog = new Dialog();
        dialog.setId("ledger-transaction");
        dialog.setHeaderTitle(getTranslation("ledger.ui.transaction.title", tx.id()));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        dialog.add(
                Panels.field(
                        getTranslation("ledger.ui.transaction.kind"),
                        getTranslation("ledger.ui.kind." + tx.kind()),
                        null),
                Panels.field(
                        getTranslation("ledger.ui.transaction.date"),
                        LedgerText.date(tx.bookingDate(), getLocale()),
                        null),
                Panels.field(getTranslation("ledger.ui.transaction.description"), tx.description(), null),
                Panels.field(getTranslation("ledger.ui.transaction.reference"), tx.reference(), null),
                Panels.field(
                        getTranslation("ledger.ui.transaction.posted"),
                        getTranslation("ledger.ui.transaction.postedBy", tx.actorLogin(), when.format(tx.createdAt())),
                        "ledger-transaction-actor"));
        if (tx.reversesId() != null) {
            Button link = new Button(getTranslation("ledger.ui.transaction.reverses", tx.reversesId()), e -> {
                dialog.close();
                openTransaction(tx.reversesId());
            });
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            dialog.add(link);
        }
        if (tx.reversedById() != null) {
            Button link = new Button(getTranslation("ledger.ui.transaction.reversedBy", tx.reversedById()), e -> {
                dialog.close();
                openTransaction(tx.reversedById());
            });
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            dialog.add(link);
        }
        Grid<Posting> lines = new Grid<>();
        lines.setId("ledger-transaction-postings");
        lines.addColumn(p -> p.unitId() != null
                        ? getTranslation("ledger.ui.account.unit", p.unitId())
                        : accounts.getOrDefault(p.accountId(), "#" + p.accountId()))
                .setHeader(getTranslation("ledger.ui.posting.account"))
                .setAutoWidth(true);
        lines.addColumn(p -> p.componentId() == null
                        ? ""
                        : componentNames.getOrDefault(p.componentId(), "#" + p.componentId()))
                .setHeader(getTranslation("ledger.ui.charges.component"));
        lines.addColumn(p -> LedgerText.month(p.period())).setHeader(getTranslation("ledger.ui.posting.period"));
        lines.addColumn(p -> p.debit().signum() == 0 ? "" : LedgerText.amount(p.debit(), getLocale()))
                .setHeader(getTranslation("ledger.ui.posting.debit"))
                .setTextAlign(ColumnTextAlign.END);
        lines.addColumn(p -> p.credit().signum() == 0 ? "" : LedgerText.amount(p.credit(), getLocale()))
                .setHeader(getTranslation("ledger.ui.posting.credit"))
                .setTextAlign(ColumnTextAlign.END);
        lines.setItems(tx.postings());
        lines.setAllRowsVisible(true);
        lines.addThemeVariants(GridVariant.LUMO_COMPACT);
        lines.setWidth("48em");
        dialog.add(lines);
        Button close = new Button(getTranslation("ledger.ui.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        boolean reversible = mayPost
                && tx.reversedById() == null
                && tx.kind() != TransactionKind.REVERSAL
                && tx.billingRunId() == null;
        if (reversible) {
            Button reverse = new Button(getTranslation("ledger.ui.transaction.reverse"), e -> {
                dialog.close();
                confirmReverse(tx);
            });
            reverse.setId("ledger-transaction-reverse");
            reverse.addThemeVariants(ButtonVariant.LUMO_ERROR);
            dialog.getFooter().add(reverse);
        } else if (tx.billingRunId() != null && tx.reversedById() == null) {
            dialog.add(new Paragraph(getTranslation("ledger.transaction.billing-run", tx.billingRunId())));
        }
        dialog.open();
    }

    private void confirmReverse(LedgerTransaction tx) {
        Dialog confirm = new Dialog();
        confirm.setId("ledger-reverse-dialog");
        confirm.setHeaderTitle(getTranslation("ledger.ui.reverse.title", tx.id()));
        Paragraph text = new Paragraph(getTranslation("ledger.ui.reverse.text"));
        TextArea reason = new TextArea(getTranslation("ledger.ui.reverse.reason"));
        reason.setId("ledger-reverse-reason");
        reason.setRequired(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        DatePicker date = new DatePicker(getTranslation("ledger.ui.reverse.date"), LocalDate.now());
        date.setLocale(getLocale());
        Button cancel = new Button(getTranslation("ledger.ui.cancel"), e -> confirm.close());
        Button ok = new Button(getTranslation("ledger.ui.reverse.confirm"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            if (date.getValue() == null) {
                date.setInvalid(true);
                date.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            try {
                LedgerTransaction reversal = ledger.reverse(
                        subject(), tx.id(), date.getValue(), reason.getValue().strip());
                confirm.close();
                DomusUi.showSuccess("ledger.ui.reverse.done", tx.id(), reversal.id());
                render();
            } catch (DomusException ex) {
                Refusals.show(ex);
            }
        });
        ok.setId("ledger-reverse-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.add(new VerticalLayout(text, reason, date));
        confirm.getFooter().add(cancel, ok);
        confirm.open();
    }

    /** Records a payment received, or a refund of credit, for this unit. */
    private void openMoney(boolean refund) {
        Dialog dialog = new Dialog();
        dialog.setId(refund ? "ledger-refund-dialog" : "ledger-payment-dialog");
        dialog.setHeaderTitle(getTranslation(refund ? "ledger.ui.refund.record" : "ledger.ui.payment.record"));
        BigDecimalField amount = new BigDecimalField(getTranslation("ledger.ui.payment.amount"));
        amount.setId("ledger-money-amount");
        amount.setRequiredIndicatorVisible(true);
        DatePicker date = new DatePicker(getTranslation("ledger.ui.payment.date"), LocalDate.now());
        date.setLocale(getLocale());
        date.setId("ledger-money-date");
        Select<PaymentMethod> method = new Select<>();
        method.setLabel(getTranslation("ledger.ui.payment.method"));
        method.setItems(PaymentMethod.values());
        method.setItemLabelGenerator(m -> getTranslation("ledger.ui.method." + m.name()));
        method.setValue(PaymentMethod.BANK);
        TextField reference = new TextField(getTranslation("ledger.ui.payment.reference"));
        reference.setMaxLength(64);
        reference.setId("ledger-money-reference");
        Button cancel = new Button(getTranslation("ledger.ui.cancel"), e -> dialog.close());
        Button save = new Button(getTranslation("ledger.ui.save"), e -> {
            BigDecimal value = amount.getValue();
            if (value == null) {
                amount.setInvalid(true);
                amount.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            if (date.getValue() == null) {
                date.setInvalid(true);
                date.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            String ref =
                    reference.getValue().isBlank() ? null : reference.getValue().strip();
            try {
                if (refund) {
                    payments.refund(subject(), unit.id(), value, date.getValue(), method.getValue(), ref);
                    DomusUi.showSuccess("ledger.ui.refund.done");
                } else {
                    payments.record(
                            subject(), new NewPayment(unit.id(), value, date.getValue(), method.getValue(), ref));
                    DomusUi.showSuccess("ledger.ui.payment.done");
                }
                dialog.close();
                render();
            } catch (DomusException ex) {
                Refusals.show(ex);
            }
        });
        save.setId("ledger-money-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(amount, date, method, reference));
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private static Subject subject() {
        return DomusUi.requireSubject();
    }
}
