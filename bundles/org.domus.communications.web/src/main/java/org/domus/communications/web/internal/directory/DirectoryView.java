package org.domus.communications.web.internal.directory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.domus.communications.CommunicationsPermissions;
import org.domus.communications.ContactDirectory;
import org.domus.communications.ContactScope;
import org.domus.communications.EmergencyContact;
import org.domus.communications.EmergencyKind;
import org.domus.communications.Office;
import org.domus.communications.StaffContact;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.access.AccessPolicy;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Estate;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.web.DomusUi;

/**
 * The staff's contact directory of an organisation: emergency numbers, offices with their weekly hours and
 * closed days, and staff contacts, each serving the organisation, an estate or a building. Staff holding
 * {@link CommunicationsPermissions#DIRECTORY} add, change and remove entries in dialogs; others read.
 */
public class DirectoryView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient ContactDirectory directory;
    private final transient RegistryService registry;
    private final transient Subject subject;
    private final boolean keeps;
    private final Select<Organisation> organisation = new Select<>();
    private final Grid<EmergencyContact> emergency = new Grid<>();
    private final Grid<Office> offices = new Grid<>();
    private final Grid<StaffContact> staff = new Grid<>();
    private List<Estate> estates = List.of();
    private List<Building> buildings = List.of();
    private final Map<String, String> scopeNames = new HashMap<>();

    public DirectoryView(ContactDirectory directory, RegistryService registry, AccessPolicy policy) {
        this.directory = directory;
        this.registry = registry;
        this.subject = DomusUi.requireSubject();
        this.keeps = policy.isGranted(subject, CommunicationsPermissions.DIRECTORY);
        addClassName("domus-page");
        setId("communications-directory");
        organisation.setId("communications-directory-organisation");
        organisation.setLabel(getTranslation("communications.directory.organisation"));
        organisation.setItemLabelGenerator(Organisation::name);
        List<Organisation> organisations = registry.organisations(subject);
        organisation.setItems(organisations);
        organisation.setVisible(organisations.size() > 1);

        emergency.setId("communications-directory-emergency");
        emergency
                .addColumn(e -> getTranslation(
                        "communications.directory.kind." + e.kind().name()))
                .setHeader(getTranslation("communications.directory.kind"));
        emergency
                .addColumn(EmergencyContact::company)
                .setHeader(getTranslation("communications.directory.company"))
                .setFlexGrow(2);
        emergency.addColumn(EmergencyContact::phone).setHeader(getTranslation("communications.directory.phone"));
        emergency.addColumn(e -> scopeName(e.scope())).setHeader(getTranslation("communications.directory.scope"));
        emergency.addColumn(EmergencyContact::note).setHeader(getTranslation("communications.directory.note"));
        offices.setId("communications-directory-offices");
        offices.addColumn(Office::name)
                .setHeader(getTranslation("communications.directory.name"))
                .setFlexGrow(2);
        offices.addColumn(o -> String.join("; ", DirectoryTexts.week(o.hours(), getLocale())))
                .setHeader(getTranslation("communications.directory.hours"))
                .setFlexGrow(3);
        offices.addColumn(Office::phone).setHeader(getTranslation("communications.directory.phone"));
        offices.addColumn(o -> scopeName(o.scope())).setHeader(getTranslation("communications.directory.scope"));
        staff.setId("communications-directory-staff");
        staff.addColumn(StaffContact::role).setHeader(getTranslation("communications.directory.role"));
        staff.addColumn(StaffContact::name)
                .setHeader(getTranslation("communications.directory.name"))
                .setFlexGrow(2);
        staff.addColumn(StaffContact::phone).setHeader(getTranslation("communications.directory.phone"));
        staff.addColumn(StaffContact::email).setHeader(getTranslation("communications.directory.email"));
        staff.addColumn(c -> scopeName(c.scope())).setHeader(getTranslation("communications.directory.scope"));
        for (Grid<?> grid : List.of(emergency, offices, staff)) {
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.setAllRowsVisible(true);
        }
        if (keeps) {
            emergency.addItemClickListener(e -> emergencyDialog(e.getItem()));
            offices.addItemClickListener(e -> officeDialog(e.getItem()));
            staff.addItemClickListener(e -> staffDialog(e.getItem()));
        }
        organisation.addValueChangeListener(e -> load());
        add(
                new H2(getTranslation("communications.directory.title")),
                organisation,
                section(
                        "communications.directory.emergency.title",
                        emergency,
                        "emergency",
                        () -> emergencyDialog(null)),
                section("communications.directory.offices.title", offices, "office", () -> officeDialog(null)),
                section("communications.directory.staff.title", staff, "staff", () -> staffDialog(null)));
        if (!organisations.isEmpty()) {
            organisation.setValue(organisations.get(0));
        }
    }

    private Div section(String titleKey, Grid<?> grid, String id, Runnable add) {
        Div card = ContactParts.card(getTranslation(titleKey), grid);
        if (keeps) {
            Button button = new Button(getTranslation("communications.directory.add"), VaadinIcon.PLUS.create(), e -> {
                if (organisation.getValue() != null) {
                    add.run();
                }
            });
            button.setId("communications-directory-add-" + id);
            card.add(button);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("communications.directory.title");
    }

    private void load() {
        Organisation org = organisation.getValue();
        if (org == null) {
            return;
        }
        scopeNames.clear();
        scopeNames.put("ORGANISATION:" + org.id(), org.name());
        estates = registry.estates(subject, 0, 1000).items().stream()
                .filter(e -> e.organisationId() == org.id())
                .toList();
        estates.forEach(e -> scopeNames.put("ESTATE:" + e.id(), e.name()));
        java.util.Set<Long> estateIds = estates.stream().map(Estate::id).collect(java.util.stream.Collectors.toSet());
        buildings = registry.buildings(subject, BuildingFilter.NONE, 0, 1000).items().stream()
                .filter(b -> estateIds.contains(b.estateId()) || estates.isEmpty())
                .toList();
        buildings.forEach(b -> scopeNames.put("BUILDING:" + b.id(), b.address()));
        try {
            emergency.setItems(directory.emergencyContacts(subject, org.id()));
            offices.setItems(directory.offices(subject, org.id()));
            staff.setItems(directory.staffContacts(subject, org.id()));
        } catch (DomusException e) {
            DomusUi.showError(e);
        }
    }

    private String scopeName(ContactScope scope) {
        String name = scopeNames.getOrDefault(scope.type().name() + ":" + scope.id(), "#" + scope.id());
        return getTranslation("communications.directory.scope." + scope.type().name()) + ": " + name;
    }

    // ---- dialogs -----------------------------------------------------------------------------------

    private ScopePicker scopePicker(ContactScope current) {
        ScopePicker picker = new ScopePicker(organisation.getValue().id(), estates, buildings, DomusUi::translate);
        if (current != null) {
            picker.setValue(current);
        }
        return picker;
    }

    /**
     * A dialog with the form, Save (which closes it and reloads when the service accepts) and, for an existing
     * entry, Remove. A refusal stays in the open dialog as translated notifications.
     */
    private Dialog dialog(
            String titleKey, Component form, Supplier<Object> save, Consumer<Void> remove, boolean existing) {
        Dialog dialog = new Dialog();
        dialog.setId("communications-directory-dialog");
        dialog.setHeaderTitle(getTranslation(titleKey));
        dialog.add(form);
        Button ok = new Button(getTranslation("communications.directory.save"), e -> {
            try {
                save.get();
                dialog.close();
                DomusUi.showSuccess("communications.directory.saved");
                load();
            } catch (DomusException refused) {
                refusal(refused);
            }
        });
        ok.setId("communications-directory-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("communications.directory.cancel"), e -> dialog.close());
        if (existing) {
            Button delete = new Button(getTranslation("communications.directory.remove"), e -> {
                try {
                    remove.accept(null);
                    dialog.close();
                    DomusUi.showSuccess("communications.directory.removed");
                    load();
                } catch (DomusException refused) {
                    refusal(refused);
                }
            });
            delete.setId("communications-directory-remove");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            dialog.getFooter().add(delete);
        }
        dialog.getFooter().add(cancel, ok);
        dialog.open();
        return dialog;
    }

    private static void refusal(DomusException error) {
        if (error instanceof InvalidFieldsException invalid && !invalid.errors().isEmpty()) {
            for (FieldError f : invalid.errors()) {
                DomusUi.showError(new DomusException(
                        DomusException.Kind.INVALID,
                        f.messageKey(),
                        f.arguments().toArray()));
            }
            return;
        }
        DomusUi.showError(error);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private TextField field(String key, String id, String value) {
        TextField f = new TextField(getTranslation(key));
        f.setId("communications-directory-" + id);
        f.setValue(text(value));
        return f;
    }

    private void emergencyDialog(EmergencyContact current) {
        ScopePicker scope = scopePicker(current == null ? null : current.scope());
        ComboBox<EmergencyKind> kind = new ComboBox<>(getTranslation("communications.directory.kind"));
        kind.setId("communications-directory-kind");
        kind.setItems(EmergencyKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("communications.directory.kind." + k.name()));
        TextField company =
                field("communications.directory.company", "company", current == null ? null : current.company());
        TextField phone = field("communications.directory.phone", "phone", current == null ? null : current.phone());
        TextField note = field("communications.directory.note", "note", current == null ? null : current.note());
        if (current != null) {
            kind.setValue(current.kind());
        }
        FormLayout form = new FormLayout(kind, company, phone, note);
        dialog(
                "communications.directory.emergency.edit",
                new VerticalLayout(scope, form),
                () -> directory.saveEmergencyContact(
                        subject,
                        new EmergencyContact(
                                current == null ? 0 : current.id(),
                                0,
                                scope.getValue(),
                                kind.getValue(),
                                company.getValue(),
                                blank(phone.getValue()),
                                blank(note.getValue()),
                                current == null ? 0 : current.version())),
                v -> directory.deleteEmergencyContact(subject, current.id(), current.version()),
                current != null);
    }

    private void staffDialog(StaffContact current) {
        ScopePicker scope = scopePicker(current == null ? null : current.scope());
        TextField role = field("communications.directory.role", "role", current == null ? null : current.role());
        TextField name = field("communications.directory.name", "name", current == null ? null : current.name());
        TextField phone = field("communications.directory.phone", "phone", current == null ? null : current.phone());
        TextField email = field("communications.directory.email", "email", current == null ? null : current.email());
        FormLayout form = new FormLayout(role, name, phone, email);
        dialog(
                "communications.directory.staff.edit",
                new VerticalLayout(scope, form),
                () -> directory.saveStaffContact(
                        subject,
                        new StaffContact(
                                current == null ? 0 : current.id(),
                                0,
                                scope.getValue(),
                                name.getValue(),
                                role.getValue(),
                                blank(phone.getValue()),
                                blank(email.getValue()),
                                current == null ? null : current.accountId(),
                                current == null ? 0 : current.version())),
                v -> directory.deleteStaffContact(subject, current.id(), current.version()),
                current != null);
    }

    private void officeDialog(Office current) {
        ScopePicker scope = scopePicker(current == null ? null : current.scope());
        TextField name = field("communications.directory.name", "name", current == null ? null : current.name());
        TextField address =
                field("communications.directory.address", "address", current == null ? null : current.address());
        TextField phone = field("communications.directory.phone", "phone", current == null ? null : current.phone());
        TextField email = field("communications.directory.email", "email", current == null ? null : current.email());
        HoursEditor hours = new HoursEditor(current == null ? List.of() : current.hours(), DomusUi::translate);
        TextArea closed = new TextArea(getTranslation("communications.directory.closed-days"));
        closed.setId("communications-directory-closed-days");
        closed.setHelperText(getTranslation("communications.directory.closed-days.help"));
        if (current != null) {
            closed.setValue(String.join(
                    ", ", current.closedDays().stream().map(LocalDate::toString).toList()));
        }
        TextField note = field("communications.directory.note", "note", current == null ? null : current.note());
        FormLayout form = new FormLayout(name, address, phone, email, note, closed);
        dialog(
                "communications.directory.office.edit",
                new VerticalLayout(scope, form, hours),
                () -> directory.saveOffice(
                        subject,
                        new Office(
                                current == null ? 0 : current.id(),
                                0,
                                scope.getValue(),
                                name.getValue(),
                                blank(address.getValue()),
                                blank(phone.getValue()),
                                blank(email.getValue()),
                                hours.getValue(),
                                days(closed.getValue()),
                                blank(note.getValue()),
                                current == null ? 0 : current.version())),
                v -> directory.deleteOffice(subject, current.id(), current.version()),
                current != null);
    }

    /** ISO dates separated by commas, spaces or lines; a bad one is refused as the service would. */
    static List<LocalDate> days(String text) {
        List<LocalDate> days = new ArrayList<>();
        if (text == null) {
            return days;
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                days.add(LocalDate.parse(part.strip()));
            } catch (DateTimeParseException e) {
                throw new InvalidFieldsException(List.of(new FieldError(
                        "closedDays", "communications.directory.closed-days.invalid-date", List.of(part.strip()))));
            }
        }
        return days;
    }
}
