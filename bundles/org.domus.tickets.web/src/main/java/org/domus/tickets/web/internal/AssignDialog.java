package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorService;
import org.domus.tickets.ContractorWorker;

/**
 * Chooses a contractor company and optionally one of its workers for an assignment: the active companies of
 * the organisation, those serving the tickets' trade groups first, then the company's active workers, those of
 * the groups first.
 */
final class AssignDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    /**
     * @param groups the trade groups of the tickets being assigned
     * @param chosen gets the company id and the worker id (or null) when the user confirms
     */
    AssignDialog(
            Subject subject,
            ContractorService contractors,
            long organisationId,
            Set<String> groups,
            BiConsumer<Long, Long> chosen) {
        setId("tickets-assign-dialog");
        setHeaderTitle(getTranslation("tickets.manage.assign.title"));
        ComboBox<ContractorCompany> company = new ComboBox<>(getTranslation("tickets.manage.assign.company"));
        company.setId("tickets-assign-company");
        company.setItemLabelGenerator(c -> c.name() + (serves(c.groups(), groups) ? " ★" : ""));
        ComboBox<ContractorWorker> worker = new ComboBox<>(getTranslation("tickets.manage.assign.worker"));
        worker.setId("tickets-assign-worker");
        worker.setItemLabelGenerator(w -> w.name() + (serves(w.groups(), groups) ? " ★" : ""));
        worker.setClearButtonVisible(true);
        worker.setEnabled(false);
        try {
            company.setItems(matchingFirst(
                    contractors.companies(subject, organisationId).stream()
                            .filter(ContractorCompany::active)
                            .toList(),
                    ContractorCompany::groups,
                    ContractorCompany::name,
                    groups));
        } catch (DomusException e) {
            Refusals.show(e);
        }
        company.addValueChangeListener(e -> {
            worker.clear();
            if (e.getValue() == null) {
                worker.setEnabled(false);
                return;
            }
            try {
                worker.setItems(matchingFirst(
                        contractors.workers(subject, e.getValue().id()).stream()
                                .filter(ContractorWorker::active)
                                .toList(),
                        ContractorWorker::groups,
                        ContractorWorker::name,
                        groups));
                worker.setEnabled(true);
            } catch (DomusException refused) {
                Refusals.show(refused);
            }
        });
        Button assign = new Button(getTranslation("tickets.manage.assign.confirm"), e -> {
            if (company.getValue() == null) {
                company.setInvalid(true);
                company.setErrorMessage(getTranslation("tickets.manage.assign.company.required"));
                return;
            }
            close();
            chosen.accept(
                    company.getValue().id(),
                    worker.getValue() == null ? null : worker.getValue().id());
        });
        assign.setId("tickets-assign-confirm");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("tickets.ui.cancel"), e -> close());
        add(new VerticalLayout(company, worker));
        getFooter().add(cancel, assign);
    }

    /** Whether something serving {@code served} (empty: everything) serves one of {@code wanted}. */
    static boolean serves(Collection<String> served, Collection<String> wanted) {
        return !wanted.isEmpty() && (served.isEmpty() || served.stream().anyMatch(wanted::contains));
    }

    /** Those serving one of the groups first, each part by name. */
    static <T> List<T> matchingFirst(
            List<T> items,
            java.util.function.Function<T, Set<String>> groupsOf,
            java.util.function.Function<T, String> nameOf,
            Set<String> groups) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.<T, Boolean>comparing(t -> !serves(groupsOf.apply(t), groups))
                .thenComparing(nameOf));
        return sorted;
    }
}
