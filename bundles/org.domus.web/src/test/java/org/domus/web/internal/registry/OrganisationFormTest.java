package org.domus.web.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.Organisation;
import org.junit.jupiter.api.Test;

class OrganisationFormTest {

    private static final Organisation KRAKOW =
            new Organisation(4, "SM Przykładowa", "0000123456", "PL", "PLN", null, null, null, null, 7);

    private final List<OrganisationForm.SaveEvent> saved = new ArrayList<>();

    private OrganisationForm form() {
        OrganisationForm form = new OrganisationForm((key, args) -> "[" + key + "]");
        form.addSaveListener(saved::add);
        form.edit(KRAKOW);
        return form;
    }

    @Test
    void bankDetailsAreStoredCompactWithTheEditedIdCurrencyAndVersion() {
        OrganisationForm form = form();
        form.iban.setValue("pl61 1090 1014 0000 0712 1981 2874");
        form.bic.setValue("WBKP PLPP");
        form.taxId.setValue("526-104-08-28");
        form.accountName.setValue("SM Przykładowa – opłaty");

        assertTrue(form.save());
        Organisation o = saved.get(0).organisation();
        assertEquals(4, o.id());
        assertEquals("PLN", o.currency());
        assertEquals(7, o.version());
        assertEquals("PL61109010140000071219812874", o.iban());
        assertEquals("WBKPPLPP", o.bic());
        assertEquals("526-104-08-28", o.taxId());
        assertEquals("SM Przykładowa – opłaty", o.recipient());
    }

    @Test
    void aBadIbanChecksumBicOrPolishNipIsShownAtItsFieldAndNothingFires() {
        OrganisationForm form = form();
        form.iban.setValue("PL62 1090 1014 0000 0712 1981 2874");
        form.bic.setValue("WBK");
        form.taxId.setValue("5261040829");

        assertFalse(form.save());
        assertTrue(form.iban.isInvalid());
        assertEquals("[registry.iban.invalid]", form.iban.getErrorMessage());
        assertTrue(form.bic.isInvalid());
        assertTrue(form.taxId.isInvalid());
        assertTrue(saved.isEmpty());

        // outside Poland the tax id is not a NIP
        form.country.setValue("CZ");
        form.iban.setValue("");
        form.bic.setValue("");
        assertTrue(form.save());
        assertEquals("5261040829", saved.get(0).organisation().taxId());
    }

    @Test
    void theServicesRefusalIsShownAtTheNamedFields() {
        OrganisationForm form = form();
        List<FieldError> rest = form.showErrors(new InvalidFieldsException(List.of(
                new FieldError("iban", "registry.iban.invalid", List.of()),
                new FieldError("currency", "registry.currency.invalid", List.of()))));
        assertTrue(form.iban.isInvalid());
        assertEquals(List.of("currency"), rest.stream().map(FieldError::field).toList());
    }
}
