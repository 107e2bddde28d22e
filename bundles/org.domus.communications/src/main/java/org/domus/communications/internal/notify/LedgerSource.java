package org.domus.communications.internal.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.domus.communications.NotificationKind;
import org.domus.core.audience.Audience;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.audience.Recipient;
import org.domus.core.registry.TenureRole;

/**
 * New charges and payment reminders for those who pay for a unit: its owners, co-owners, members and tenants (not
 * mere residents). The topic and property names are those documented in {@code org.domus.ledger.LedgerEvents}
 * (the ledger module), used as plain strings so that this module loads no ledger class.
 */
final class LedgerSource implements FanoutSource {

    // org.domus.ledger.LedgerEvents
    static final String BILLING_RUN_POSTED = "org/domus/ledger/BILLING_RUN_POSTED";
    static final String PAYMENT_DUE = "org/domus/ledger/PAYMENT_DUE";
    static final String PAYMENT_OVERDUE = "org/domus/ledger/PAYMENT_OVERDUE";
    static final String BILLING_RUN_ID = "billingRunId";
    static final String UNIT_IDS = "unitIds";
    static final String AMOUNTS = "amounts";
    static final String UNIT_ID = "unitId";
    static final String UNIT_LABEL = "unitLabel";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String DUE_DATE = "dueDate";
    static final String MONTH = "month";
    static final String ACCOUNT = "account";
    static final String REFERENCE = "reference";
    static final String QR_PAYLOAD = "qrPayload";
    static final String DAYS_OVERDUE = "daysOverdue";
    static final String REMINDER_KEY = "reminderKey";

    /** Who pays for a unit. */
    static final Set<TenureRole> PAYERS =
            EnumSet.of(TenureRole.OWNER, TenureRole.CO_OWNER, TenureRole.MEMBER, TenureRole.TENANT);

    /** The resident's payments page (the ledger's web bundle). */
    static final String ROUTE = "ledger/my-payments";

    private final Audience audience;
    private final Function<Long, String> unitLabels;

    /** @param unitLabels a unit's label as its residents know it (street, number and unit number) */
    LedgerSource(Audience audience, Function<Long, String> unitLabels) {
        this.audience = audience;
        this.unitLabels = unitLabels;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BILLING_RUN_POSTED, PAYMENT_DUE, PAYMENT_OVERDUE);
    }

    @Override
    public Optional<String> eventKey(String topic, Map<String, String> p) {
        if (BILLING_RUN_POSTED.equals(topic)) {
            String run = p.get(BILLING_RUN_ID);
            // older ledgers posted no per-unit amounts: nothing to tell then
            return run == null || p.get(AMOUNTS) == null || p.get(UNIT_IDS) == null
                    ? Optional.empty()
                    : Optional.of("ledger:BILLING_RUN_POSTED:" + run);
        }
        String reminder = p.get(REMINDER_KEY);
        return reminder == null || p.get(UNIT_ID) == null ? Optional.empty() : Optional.of("ledger:" + reminder);
    }

    @Override
    public List<Delivery> deliveries(String topic, Map<String, String> p, LocalDate today) {
        String eventKey = eventKey(topic, p).orElseThrow();
        List<Delivery> out = new ArrayList<>();
        if (BILLING_RUN_POSTED.equals(topic)) {
            String[] units = p.get(UNIT_IDS).split(",");
            String[] amounts = p.get(AMOUNTS).split(",");
            for (int i = 0; i < units.length && i < amounts.length; i++) {
                if (units[i].isBlank()) {
                    continue;
                }
                long unit = Long.parseLong(units[i].strip());
                String amount = amounts[i].strip();
                List<Recipient> payers = payers(unit, today);
                String label = payers.isEmpty() ? "" : unitLabels.apply(unit);
                for (Recipient r : payers) {
                    out.add(new Delivery(
                            r,
                            NotificationKind.PAYMENT_REMINDERS,
                            eventKey + ":" + unit,
                            ROUTE,
                            charges(p, amount, label)));
                }
            }
            return out;
        }
        long unit = Long.parseLong(p.get(UNIT_ID));
        for (Recipient r : payers(unit, today)) {
            out.add(new Delivery(r, NotificationKind.PAYMENT_REMINDERS, eventKey, ROUTE, reminder(topic, p)));
        }
        return out;
    }

    private List<Recipient> payers(long unitId, LocalDate today) {
        return audience.residents(List.of(AudienceTarget.of(AudienceTarget.Kind.UNIT, unitId)), today, PAYERS);
    }

    private static Function<NotifyCatalog, Delivery.Content> charges(
            Map<String, String> p, String amount, String unitLabel) {
        return c -> {
            String money = c.money(amount, p.get(CURRENCY));
            Map<String, String> values = new HashMap<>();
            // the mail renderer formats amounts, months and dates for the recipient's language itself
            values.put("unit", unitLabel);
            values.put("month", p.getOrDefault(MONTH, ""));
            values.put("amount", amount);
            values.put("currency", p.getOrDefault(CURRENCY, ""));
            values.put("dueDate", p.getOrDefault(DUE_DATE, ""));
            return new Delivery.Content(
                    c.get("communications.notify.charges.title", c.month(p.get(MONTH)), money),
                    c.get("communications.notify.charges.text", unitLabel, c.date(p.get(DUE_DATE))),
                    "charges-posted",
                    values);
        };
    }

    private static Function<NotifyCatalog, Delivery.Content> reminder(String topic, Map<String, String> p) {
        return c -> {
            String money = c.money(p.get(AMOUNT), p.get(CURRENCY));
            String unit = p.getOrDefault(UNIT_LABEL, "");
            String due = c.date(p.get(DUE_DATE));
            Map<String, String> values = new HashMap<>();
            values.put("unit", unit);
            values.put("amount", p.getOrDefault(AMOUNT, ""));
            values.put("currency", p.getOrDefault(CURRENCY, ""));
            values.put("dueDate", p.getOrDefault(DUE_DATE, ""));
            for (String optional : List.of(ACCOUNT, REFERENCE, QR_PAYLOAD)) {
                if (p.get(optional) != null && !p.get(optional).isBlank()) {
                    values.put(optional, p.get(optional));
                }
            }
            if (PAYMENT_OVERDUE.equals(topic)) {
                String days = p.getOrDefault(DAYS_OVERDUE, "");
                values.put("daysOverdue", days);
                return new Delivery.Content(
                        c.get("communications.notify.overdue.title", days, money),
                        c.get("communications.notify.overdue.text", unit, due),
                        "payment-overdue",
                        values);
            }
            return new Delivery.Content(
                    c.get("communications.notify.due.title", money, due),
                    c.get("communications.notify.due.text", unit),
                    "payment-due",
                    values);
        };
    }
}
