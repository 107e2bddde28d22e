package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.access.RegistryLocation;
import org.domus.core.registry.Building;
import org.domus.core.registry.Holding;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.Category;
import org.domus.tickets.NewTicket;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketAttachments;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketService;
import org.domus.web.DomusUi;

/**
 * "Report a problem": the resident's form ({@link ReportForm}) for one of their current units or buildings,
 * with photos and PDF documents and a pin on the building's map. Each file is checked by the service when it is
 * chosen (by its content, with the service's reason shown for a refused one, which is not kept); on sending, the
 * ticket is submitted and the checked files attached. Afterwards the ticket's page opens.
 */
public class ReportView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient TicketService tickets;
    private final transient TicketAttachments attachments;
    private final transient TicketConfiguration configuration;
    private final ReportForm form = new ReportForm(DomusUi::translate);
    private final List<Uploads.Received> files = new ArrayList<>();
    private final UnorderedList fileList = new UnorderedList();
    private final Paragraph error = new Paragraph();
    private final Map<Long, List<Category>> categories = new HashMap<>();
    private final Map<Long, Building> buildings = new HashMap<>();

    public ReportView(
            TicketService tickets,
            TicketAttachments attachments,
            TicketConfiguration configuration,
            RegistryService registry,
            AccessPolicy policy) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.configuration = configuration;
        addClassName("domus-page");
        add(new H2(getTranslation("tickets.ui.report.title")));
        Subject me = DomusUi.requireSubject();
        List<ReportForm.Place> places = places(registry.myUnits(me), policy);
        if (places.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("tickets.ui.report.noUnits"));
            none.setId("tickets-report-none");
            add(none);
            return;
        }
        PinMap pin = new PinMap("tickets-report-pin", form::pin);
        Paragraph noMap = new Paragraph(getTranslation("tickets.ui.report.noMap"));
        noMap.setId("tickets-report-no-map");
        form.place.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                form.categories(categories(me, e.getValue().organisationId()));
                Building building = buildings.get(e.getValue().buildingId());
                form.pin(null, null);
                pin.building(building.latitude(), building.longitude());
                noMap.setVisible(!pin.isVisible());
            }
        });
        form.places(places);
        form.addSubmitListener(e -> submit(me, e.ticket()));

        Upload upload = Uploads.upload(
                "tickets-report-files",
                getTranslation("tickets.ui.report.addFiles"),
                this::received,
                Uploads.PHOTOS_AND_DOCUMENTS);
        fileList.setId("tickets-report-file-list");
        Div filesCard = Panels.card(
                getTranslation("tickets.ui.report.files"),
                new Paragraph(getTranslation("tickets.ui.report.files.help")),
                upload,
                fileList);

        error.setId("tickets-report-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        Button send = new Button(getTranslation("tickets.ui.report.send"), e -> form.submit());
        send.setId("tickets-report-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div where = Panels.card(getTranslation("tickets.ui.report.pin"), pin, noMap);
        where.setWidthFull();
        for (com.vaadin.flow.component.HasSize part : List.of(form, where, filesCard)) {
            part.setWidthFull();
            part.setMaxWidth("56em");
        }
        add(form, where, filesCard, error, send);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.ui.report.title");
    }

    /** The subject's units, then each of their buildings as a whole and its common areas (buildings remembered). */
    private List<ReportForm.Place> places(List<Holding> holdings, AccessPolicy policy) {
        List<ReportForm.Place> units = new ArrayList<>();
        Map<Long, ReportForm.Place[]> wholeBuildings = new LinkedHashMap<>();
        for (Holding h : holdings) {
            Building b = h.building();
            buildings.put(b.id(), b);
            long organisation = policy.locate(null, h.unit().id())
                    .map(RegistryLocation::organisationId)
                    .orElse(-1L);
            if (organisation < 0) {
                continue;
            }
            String address = b.street() + " " + b.number() + ", " + b.city();
            units.add(new ReportForm.Place(
                    TicketArea.UNIT,
                    h.unit().id(),
                    b.id(),
                    organisation,
                    getTranslation("tickets.ui.report.place.unit", h.unit().number(), address)));
            wholeBuildings.computeIfAbsent(b.id(), id -> new ReportForm.Place[] {
                new ReportForm.Place(
                        TicketArea.BUILDING,
                        null,
                        id,
                        organisation,
                        getTranslation("tickets.ui.report.place.building", address)),
                new ReportForm.Place(
                        TicketArea.COMMON_AREA,
                        null,
                        id,
                        organisation,
                        getTranslation("tickets.ui.report.place.common", address))
            });
        }
        List<ReportForm.Place> all = new ArrayList<>(units);
        wholeBuildings.values().forEach(pair -> all.addAll(List.of(pair)));
        return all;
    }

    private List<Category> categories(Subject me, long organisationId) {
        return categories.computeIfAbsent(organisationId, id -> {
            try {
                return configuration.categories(me, id).stream()
                        .filter(Category::active)
                        .toList();
            } catch (DomusException e) {
                Refusals.show(e);
                return List.of();
            }
        });
    }

    private void received(Uploads.Received file) {
        // Checked now, as the service will check it: a refused file is never kept, so that the report is
        // never saved with some of its files missing.
        try {
            attachments.check(file.name(), file.content());
        } catch (DomusException e) {
            DomusUi.showError(new DomusException(
                    DomusException.Kind.INVALID, "tickets.ui.report.fileRefused", file.name(), Refusals.text(e)));
            return;
        }
        files.add(file);
        ListItem item = new ListItem();
        Button remove = new Button(getTranslation("tickets.ui.report.removeFile"), e -> {
            files.remove(file);
            fileList.remove(item);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        remove.getElement().setAttribute("aria-label", getTranslation("tickets.ui.report.removeNamed", file.name()));
        item.add(new Span(file.name() + " "), remove);
        fileList.add(item);
    }

    private void submit(Subject me, NewTicket draft) {
        error.setVisible(false);
        Ticket ticket;
        try {
            ticket = tickets.submit(me, draft);
        } catch (InvalidFieldsException e) {
            List<org.domus.core.registry.FieldError> rest = form.showErrors(e);
            error.setText(Refusals.text(e));
            error.setVisible(true);
            rest.forEach(f -> DomusUi.showError(new DomusException(
                    DomusException.Kind.INVALID, f.messageKey(), f.arguments().toArray())));
            return;
        } catch (DomusException e) {
            Refusals.show(e, error);
            return;
        }
        for (Uploads.Received file : files) {
            try {
                attachments.upload(me, ticket.id(), file.name(), file.content(), false);
            } catch (DomusException e) {
                DomusUi.showError(new DomusException(
                        DomusException.Kind.INVALID, "tickets.ui.report.fileRefused", file.name(), Refusals.text(e)));
            }
        }
        DomusUi.showSuccess("tickets.ui.report.sent", ticket.reference());
        getUI().ifPresent(ui -> ui.navigate(TicketGrids.path(ticket.id())));
    }
}
