package org.domus.tickets.web.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.domus.core.DomusException;
import org.domus.tickets.Category;
import org.domus.tickets.PublicBuilding;
import org.domus.tickets.PublicForm;
import org.domus.tickets.PublicSubmission;
import org.domus.tickets.PublicTickets;

/**
 * The public form of a building at {@code report/<code>}, for anyone with the code from the sticker in the
 * house and without signing in: the address, a category, what is wrong, an optional name and contact, one
 * optional photo and an optional pin on the building's map. It knows no subject: the service limits submissions per client address and per code and
 * says when to try again; after sending, the page thanks and names the ticket's reference. An unknown or
 * replaced code shows the shell's "page not found" text and nothing else.
 */
public class PublicReportView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient PublicTickets publicTickets;
    private final transient Supplier<String> clientAddress;
    private final Select<Category> category = new Select<>();
    private final TextArea description = new TextArea();
    private final TextField name = new TextField();
    private final TextField contact = new TextField();
    private final Paragraph error = new Paragraph();
    private final Span photoName = new Span();
    private transient Uploads.Received photo;
    private String code;
    private BigDecimal latitude;
    private BigDecimal longitude;

    /** @param clientAddress the address of the browser's current request (for the service's rate limit) */
    public PublicReportView(PublicTickets publicTickets, Supplier<String> clientAddress) {
        this.publicTickets = publicTickets;
        this.clientAddress = clientAddress;
        addClassName("domus-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        code = parameter == null ? "" : parameter.strip();
        try {
            render(publicTickets.building(code));
        } catch (DomusException e) {
            removeAll();
            if (e.kind() == DomusException.Kind.NOT_FOUND) {
                // The shell's "page not found", shown here: rerouting to the shell's error view would send an
                // anonymous visitor to the sign-in page instead (the error view is not public).
                add(
                        new H2(getTranslation("error.notFound.title")),
                        new Paragraph(getTranslation("error.notFound.text")));
            } else {
                add(new H2(getTranslation("tickets.ui.public.title")), new Paragraph(Refusals.text(e)));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.ui.public.title");
    }

    private void render(PublicBuilding building) {
        removeAll();
        add(new H2(getTranslation("tickets.ui.public.title")));
        Paragraph address = new Paragraph(building.address());
        address.setId("tickets-public-address");
        address.getStyle().set("font-weight", "600");
        add(address, new Paragraph(getTranslation("tickets.ui.public.intro")));

        category.setId("tickets-public-category");
        category.setLabel(getTranslation("tickets.ui.report.category"));
        category.setItems(building.categories());
        category.setItemLabelGenerator(Category::name);
        description.setId("tickets-public-description");
        description.setLabel(getTranslation("tickets.ui.report.description"));
        description.setMaxLength(PublicTickets.MAX_DESCRIPTION);
        description.setRequired(true);
        description.setWidthFull();
        description.setMinHeight("8em");
        name.setId("tickets-public-name");
        name.setLabel(getTranslation("tickets.ui.public.name"));
        name.setMaxLength(200);
        contact.setId("tickets-public-contact");
        contact.setLabel(getTranslation("tickets.ui.public.contact"));
        contact.setHelperText(getTranslation("tickets.ui.public.contactHelp"));
        contact.setMaxLength(200);
        Upload upload = Uploads.upload(
                "tickets-public-photo",
                getTranslation("tickets.ui.public.photo"),
                file -> {
                    // checked when chosen, as the service will: the report is never filed with a refused photo
                    try {
                        publicTickets.checkPhoto(file.name(), file.content());
                    } catch (DomusException e) {
                        photo = null;
                        photoName.setText("");
                        Refusals.show(e, error);
                        return;
                    }
                    error.setVisible(false);
                    photo = file;
                    photoName.setText(getTranslation("tickets.ui.public.photoChosen", file.name()));
                },
                Uploads.PHOTOS);
        upload.setMaxFiles(1);
        photoName.setId("tickets-public-photo-name");

        error.setId("tickets-public-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        Button send = new Button(getTranslation("tickets.ui.report.send"), e -> send());
        send.setId("tickets-public-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        latitude = null;
        longitude = null;
        PinMap pin = new PinMap("tickets-public-pin", (lat, lon) -> {
            latitude = lat;
            longitude = lon;
        });
        pin.building(building.latitude(), building.longitude());
        Div form = new Div(category, description, name, contact, upload, photoName, pin);
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("max-width", "40em");
        form.setWidthFull();
        add(form, error, send);
    }

    private void send() {
        error.setVisible(false);
        category.setInvalid(false);
        description.setInvalid(false);
        String required = getTranslation("tickets.ui.report.required");
        boolean ok = true;
        if (category.getValue() == null) {
            category.setErrorMessage(required);
            category.setInvalid(true);
            ok = false;
        }
        if (description.getValue().isBlank()) {
            description.setErrorMessage(required);
            description.setInvalid(true);
            ok = false;
        }
        if (!ok) {
            return;
        }
        PublicSubmission submission;
        try {
            submission = publicTickets.submit(
                    code,
                    new PublicForm(
                            category.getValue().id(),
                            description.getValue().strip(),
                            blankToNull(name.getValue()),
                            blankToNull(contact.getValue()),
                            latitude,
                            longitude),
                    clientAddress.get());
        } catch (DomusException e) {
            Refusals.show(e, error);
            return;
        }
        String photoRefused = null;
        if (photo != null) {
            try {
                publicTickets.attachPhoto(submission.photoToken(), photo.name(), photo.content());
            } catch (DomusException e) {
                photoRefused = Refusals.text(e);
            }
        }
        thanks(submission.reference(), photoRefused);
    }

    private void thanks(String reference, String photoRefused) {
        removeAll();
        add(new H2(getTranslation("tickets.ui.public.title")));
        Div card = Panels.card(getTranslation("tickets.ui.public.thanks"));
        card.setId("tickets-public-thanks");
        Paragraph ref = new Paragraph(getTranslation("tickets.ui.public.reference", reference));
        ref.setId("tickets-public-reference");
        card.add(ref, new Paragraph(getTranslation("tickets.ui.public.quote")));
        if (photoRefused != null) {
            Paragraph refused = new Paragraph(getTranslation("tickets.ui.public.photoRefused", photoRefused));
            refused.setId("tickets-public-photo-refused");
            refused.getStyle().set("color", "var(--lumo-error-text-color)");
            card.add(refused);
        }
        Button again = new Button(getTranslation("tickets.ui.public.another"), e -> {
            photo = null;
            photoName.setText("");
            description.clear();
            try {
                render(publicTickets.building(code));
            } catch (DomusException ex) {
                Refusals.show(ex);
            }
        });
        again.setId("tickets-public-another");
        add(card, again);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
