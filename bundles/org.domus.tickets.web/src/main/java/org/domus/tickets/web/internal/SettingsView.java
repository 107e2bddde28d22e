package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinServletRequest;
import java.io.ByteArrayInputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.qr.QrCodes;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.tickets.BuildingCode;
import org.domus.tickets.Category;
import org.domus.tickets.Deadline;
import org.domus.tickets.DeadlineRule;
import org.domus.tickets.DeadlineUnit;
import org.domus.tickets.PublicTickets;
import org.domus.tickets.TicketConfiguration;
import org.domus.tickets.TicketPriority;
import org.domus.web.DomusUi;

/**
 * An organisation's ticket settings ({@link org.domus.tickets.TicketsPermissions#CONFIGURE}): categories with
 * their trade groups, response and resolution deadlines per category and priority, and the buildings' public
 * form codes: the address of the form, a QR code to print for the lift, and a new code when the old one leaked.
 */
public class SettingsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final int QR_PIXELS = 360;
    private static final int MAX_BUILDINGS = 500;

    /** Where the public form of a building lives (the resident-side bundle's anonymous view). */
    static final String PUBLIC_ROUTE = PublicReportContribution.ROUTE + "/";

    private final transient TicketConfiguration configuration;
    private final transient PublicTickets publicTickets;
    private final transient RegistryService registry;
    private final transient Subject subject;
    private final String baseUrl;
    private final Select<Organisation> organisation = new Select<>();
    private final Grid<Category> categories = new Grid<>();
    private final Grid<DeadlineRule> rules = new Grid<>();
    private final Div categoryForm = new Div();
    private final Div ruleForm = new Div();
    private final Div code = new Div();
    private final ComboBox<Building> building = new ComboBox<>();
    private Map<Long, String> categoryNames = new HashMap<>();

    public SettingsView(TicketConfiguration configuration, PublicTickets publicTickets, RegistryService registry) {
        this.configuration = configuration;
        this.publicTickets = publicTickets;
        this.registry = registry;
        this.subject = DomusUi.requireSubject();
        this.baseUrl = baseUrl();
        addClassName("domus-page");
        organisation.setId("tickets-admin-settings-organisation");
        organisation.setLabel(getTranslation("tickets.manage.filter.organisation"));
        organisation.setItemLabelGenerator(Organisation::name);
        List<Organisation> organisations = registry.organisations(subject);
        organisation.setItems(organisations);
        organisation.setVisible(organisations.size() > 1);

        categories.setId("tickets-admin-categories");
        categories.addColumn(Category::code).setHeader(getTranslation("tickets.admin.category.code"));
        categories
                .addColumn(Category::name)
                .setHeader(getTranslation("tickets.admin.category.name"))
                .setFlexGrow(2);
        categories.addColumn(Category::group).setHeader(getTranslation("tickets.admin.category.group"));
        categories
                .addColumn(c -> getTranslation(c.active() ? "tickets.admin.active" : "tickets.admin.inactive"))
                .setHeader(getTranslation("tickets.admin.state"));
        categories.addThemeVariants(GridVariant.LUMO_COMPACT);
        categories.setAllRowsVisible(true);
        categories.asSingleSelect().addValueChangeListener(e -> categoryForm(e.getValue()));

        rules.setId("tickets-admin-rules");
        rules.addColumn(r -> r.categoryId() == null
                        ? getTranslation("tickets.admin.rule.default")
                        : categoryNames.getOrDefault(r.categoryId(), "#" + r.categoryId()))
                .setHeader(getTranslation("tickets.admin.rule.category"))
                .setFlexGrow(2);
        rules.addColumn(r -> TicketText.of("tickets.ui.priority.", r.priority()))
                .setHeader(getTranslation("tickets.manage.column.priority"));
        rules.addColumn(r -> deadline(r.response())).setHeader(getTranslation("tickets.admin.rule.response"));
        rules.addColumn(r -> deadline(r.resolution())).setHeader(getTranslation("tickets.admin.rule.resolution"));
        rules.addThemeVariants(GridVariant.LUMO_COMPACT);
        rules.setAllRowsVisible(true);
        rules.asSingleSelect().addValueChangeListener(e -> ruleForm(e.getValue()));

        building.setId("tickets-admin-code-building");
        building.setLabel(getTranslation("tickets.manage.filter.building"));
        building.setItemLabelGenerator(Building::address);
        building.setWidth("28em");
        building.addValueChangeListener(e -> showCode(false));
        code.setId("tickets-admin-code");

        organisation.addValueChangeListener(e -> load());
        add(
                new H2(getTranslation("tickets.admin.settings.title")),
                organisation,
                Panels.card(getTranslation("tickets.admin.categories"), categories, categoryForm),
                Panels.card(getTranslation("tickets.admin.rules"), rules, ruleForm),
                Panels.card(
                        getTranslation("tickets.admin.codes"),
                        new Span(getTranslation("tickets.admin.codes.hint")),
                        building,
                        code));
        if (!organisations.isEmpty()) {
            organisation.setValue(organisations.get(0));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.admin.settings.title");
    }

    private String deadline(Deadline d) {
        return d == null ? "" : getTranslation("tickets.admin.unit." + d.unit().name(), d.amount());
    }

    private void load() {
        if (organisation.getValue() == null) {
            return;
        }
        long org = organisation.getValue().id();
        try {
            List<Category> list = configuration.categories(subject, org);
            categoryNames = new HashMap<>();
            list.forEach(c -> categoryNames.put(c.id(), c.name()));
            categories.setItems(list);
            List<DeadlineRule> ruleList = new java.util.ArrayList<>(configuration.deadlineRules(subject, org));
            ruleList.sort(Comparator.comparing((DeadlineRule r) ->
                            r.categoryId() == null ? "" : categoryNames.getOrDefault(r.categoryId(), ""))
                    .thenComparing(DeadlineRule::priority));
            rules.setItems(ruleList);
            List<Building> buildings =
                    new java.util.ArrayList<>(registry.buildings(subject, BuildingFilter.NONE, 0, MAX_BUILDINGS)
                            .items());
            java.util.Set<Long> estates = new java.util.HashSet<>();
            registry.estates(subject, 0, MAX_BUILDINGS).items().stream()
                    .filter(e -> e.organisationId() == org)
                    .forEach(e -> estates.add(e.id()));
            buildings.removeIf(b -> !estates.contains(b.estateId()));
            buildings.sort(Comparator.comparing(Building::address));
            building.setItems(buildings);
        } catch (DomusException e) {
            Refusals.show(e);
        }
        categoryForm(null);
        ruleForm(null);
    }

    private void categoryForm(Category category) {
        categoryForm.removeAll();
        if (organisation.getValue() == null) {
            return;
        }
        TextField codeField = new TextField(getTranslation("tickets.admin.category.code"));
        codeField.setId("tickets-admin-category-code");
        TextField name = new TextField(getTranslation("tickets.admin.category.name"));
        name.setId("tickets-admin-category-name");
        TextField group = new TextField(getTranslation("tickets.admin.category.group"));
        group.setId("tickets-admin-category-group");
        group.setHelperText(getTranslation("tickets.admin.category.group.help"));
        Checkbox active = new Checkbox(getTranslation("tickets.admin.active"), true);
        if (category != null) {
            codeField.setValue(category.code());
            name.setValue(category.name());
            group.setValue(category.group());
            active.setValue(category.active());
        }
        Button save =
                new Button(getTranslation(category == null ? "tickets.admin.category.add" : "tickets.ui.save"), e -> {
                    try {
                        configuration.saveCategory(
                                subject,
                                new Category(
                                        category == null ? 0 : category.id(),
                                        organisation.getValue().id(),
                                        codeField.getValue(),
                                        name.getValue(),
                                        group.getValue(),
                                        active.getValue(),
                                        category == null ? 0 : category.version()));
                        DomusUi.showSuccess("tickets.admin.saved");
                        load();
                    } catch (DomusException refused) {
                        Refusals.show(refused);
                    }
                });
        save.setId("tickets-admin-category-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(codeField, name, group, active, save);
        row.setAlignItems(Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        categoryForm.add(row);
    }

    private void ruleForm(DeadlineRule rule) {
        ruleForm.removeAll();
        if (organisation.getValue() == null) {
            return;
        }
        Select<Long> category = new Select<>();
        category.setLabel(getTranslation("tickets.admin.rule.category"));
        category.setItems(categoryNames.keySet());
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("tickets.admin.rule.default"));
        category.setItemLabelGenerator(
                id -> id == null ? getTranslation("tickets.admin.rule.default") : categoryNames.get(id));
        Select<TicketPriority> priority = new Select<>();
        priority.setLabel(getTranslation("tickets.manage.column.priority"));
        priority.setItems(TicketPriority.values());
        priority.setItemLabelGenerator(p -> TicketText.of("tickets.ui.priority.", p));
        priority.setValue(TicketPriority.NORMAL);
        IntegerField response = new IntegerField(getTranslation("tickets.admin.rule.response"));
        response.setId("tickets-admin-rule-response");
        response.setMin(1);
        Select<DeadlineUnit> responseUnit = unit();
        IntegerField resolution = new IntegerField(getTranslation("tickets.admin.rule.resolution"));
        resolution.setId("tickets-admin-rule-resolution");
        resolution.setMin(1);
        Select<DeadlineUnit> resolutionUnit = unit();
        if (rule != null) {
            category.setValue(rule.categoryId());
            priority.setValue(rule.priority());
            response.setValue(rule.response().amount());
            responseUnit.setValue(rule.response().unit());
            resolution.setValue(rule.resolution().amount());
            resolutionUnit.setValue(rule.resolution().unit());
        }
        Button save = new Button(getTranslation(rule == null ? "tickets.admin.rule.add" : "tickets.ui.save"), e -> {
            if (response.getValue() == null || resolution.getValue() == null) {
                DomusUi.showError(new DomusException(DomusException.Kind.INVALID, "tickets.admin.rule.required"));
                return;
            }
            try {
                configuration.saveDeadlineRule(
                        subject,
                        new DeadlineRule(
                                rule == null ? 0 : rule.id(),
                                organisation.getValue().id(),
                                category.getValue(),
                                priority.getValue(),
                                new Deadline(response.getValue(), responseUnit.getValue()),
                                new Deadline(resolution.getValue(), resolutionUnit.getValue()),
                                rule == null ? 0 : rule.version()));
                DomusUi.showSuccess("tickets.admin.saved");
                load();
            } catch (DomusException refused) {
                Refusals.show(refused);
            }
        });
        save.setId("tickets-admin-rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row =
                new HorizontalLayout(category, priority, response, responseUnit, resolution, resolutionUnit, save);
        if (rule != null && rule.categoryId() != null) {
            Button delete = new Button(getTranslation("tickets.admin.rule.delete"), e -> {
                try {
                    configuration.deleteDeadlineRule(
                            subject, organisation.getValue().id(), rule.id());
                    load();
                } catch (DomusException refused) {
                    Refusals.show(refused);
                }
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            row.add(delete);
        }
        row.setAlignItems(Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        ruleForm.add(row);
    }

    private Select<DeadlineUnit> unit() {
        Select<DeadlineUnit> unit = new Select<>();
        unit.setItems(DeadlineUnit.values());
        unit.setItemLabelGenerator(u -> getTranslation("tickets.admin.unitName." + u.name()));
        unit.setValue(DeadlineUnit.WORKING_DAYS);
        return unit;
    }

    /** The chosen building's code: its public address, QR code, print and rotate. */
    private void showCode(boolean rotate) {
        code.removeAll();
        Building b = building.getValue();
        if (b == null) {
            return;
        }
        BuildingCode current;
        try {
            current = rotate ? publicTickets.rotateCode(subject, b.id()) : publicTickets.code(subject, b.id());
        } catch (DomusException e) {
            Refusals.show(e);
            return;
        }
        String url = baseUrl + PUBLIC_ROUTE + current.code();
        byte[] png = QrCodes.png(url, QR_PIXELS);
        String fileName = "public-form-" + b.id() + ".png";
        Image qr = new Image(
                new StreamResource(fileName, () -> new ByteArrayInputStream(png)).setContentType("image/png"),
                getTranslation("tickets.admin.codes.qr", b.address()));
        qr.setId("tickets-admin-code-qr");
        qr.setWidth("12em");
        Anchor link = new Anchor(url, url);
        link.setId("tickets-admin-code-url");
        link.setTarget("_blank");
        Anchor download = new Anchor(
                new StreamResource(fileName, () -> new ByteArrayInputStream(png)).setContentType("image/png"),
                getTranslation("tickets.admin.codes.download"));
        download.getElement().setAttribute("download", true);
        Button print = new Button(getTranslation("tickets.admin.codes.print"), e -> getUI().ifPresent(ui -> ui.getPage()
                .executeJs(
                        "const w = window.open('', '_blank');"
                                + "if (w) { const d = w.document; d.title = $0;"
                                + " const h = d.createElement('h2'); h.textContent = $0; d.body.appendChild(h);"
                                + " const i = d.createElement('img'); i.src = $1; i.style.width = '8cm'; d.body.appendChild(i);"
                                + " const p = d.createElement('p'); p.textContent = $2; d.body.appendChild(p);"
                                + " i.onload = function() { w.print(); }; }",
                        b.address(),
                        "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png),
                        url)));
        print.setId("tickets-admin-code-print");
        Button rotateButton = new Button(getTranslation("tickets.admin.codes.rotate"), e -> showCode(true));
        rotateButton.setId("tickets-admin-code-rotate");
        rotateButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        code.add(
                new Div(new Span(b.address())),
                new Div(link),
                qr,
                new Span(getTranslation(
                        "tickets.admin.codes.since", TicketText.dateTime(current.createdAt(), getLocale()))),
                new HorizontalLayout(print, download, rotateButton));
    }

    /** The address the browser reached the shell at, ending with "/". */
    private static String baseUrl() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "/";
        }
        HttpServletRequest http = request.getHttpServletRequest();
        int port = http.getServerPort();
        boolean defaultPort =
                "http".equals(http.getScheme()) && port == 80 || "https".equals(http.getScheme()) && port == 443;
        return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + port) + http.getContextPath()
                + "/";
    }
}
