package org.domus.web.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.domus.core.registry.Address;
import org.domus.core.registry.ContactData;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.junit.jupiter.api.Test;

class PersonFormTest {

    private static final Person JANA = new Person(
            5,
            1,
            PersonKind.NATURAL,
            "Jana",
            "Nováková",
            null,
            null,
            "jana@example.cz",
            "+420 601 123 456",
            new Address("Hlavní 12", "Praha", "14000", "CZ"),
            null,
            77L,
            3);

    private final List<PersonForm.SaveEvent> saved = new ArrayList<>();

    @Test
    void aNewNaturalPersonNeedsFirstAndLastName() {
        PersonForm form = staffForm();
        form.create(1);

        assertFalse(form.save());
        assertTrue(form.firstName.isInvalid());
        assertTrue(form.lastName.isInvalid());

        form.firstName.setValue("Piotr");
        form.lastName.setValue("Kowalski");
        assertTrue(form.save());
        Person p = saved.get(0).person();
        assertEquals(1, p.organisationId());
        assertEquals("Piotr Kowalski", p.displayName());
        assertNull(p.address());
    }

    @Test
    void aLegalEntityNeedsACompanyNameNotPersonalNames() {
        PersonForm form = staffForm();
        form.create(1);
        form.kind.setValue(PersonKind.LEGAL);

        assertFalse(form.firstName.isVisible());
        assertFalse(form.save());
        assertTrue(form.companyName.isInvalid());

        form.companyName.setValue("Bytové družstvo Jih");
        assertTrue(form.save());
        assertEquals("Bytové družstvo Jih", saved.get(0).person().displayName());
    }

    @Test
    void badEmailPhoneCountryAndIbanAreRefused() {
        PersonForm form = staffForm();
        form.edit(JANA);
        form.email.setValue("not an address");
        form.phone.setValue("call me");
        form.country.setValue("Czechia");
        form.bankAccount.setValue("CZ00 0000 0000 0000 0000 0000");

        assertFalse(form.save());

        assertEquals("[registry.email.invalid]", form.email.getErrorMessage());
        assertEquals("[registry.phone.invalid]", form.phone.getErrorMessage());
        assertEquals("[registry.country.invalid]", form.country.getErrorMessage());
        assertEquals("[registry.iban.invalid]", form.bankAccount.getErrorMessage());
        assertTrue(saved.isEmpty());
    }

    @Test
    void theContactOnlyFormChangesOnlyContactDataAndKeepsTheRest() {
        PersonForm form = new PersonForm((key, args) -> "[" + key + "]", true);
        form.addSaveListener(saved::add);
        form.edit(JANA);
        form.phone.setValue("+420 777 000 111");
        form.bankAccount.setValue("CZ65 0800 0000 1920 0014 5399");

        assertFalse(form.firstName.isVisible());
        assertTrue(form.save());

        PersonForm.SaveEvent e = saved.get(0);
        assertEquals(
                new ContactData(
                        "jana@example.cz",
                        "+420 777 000 111",
                        new Address("Hlavní 12", "Praha", "14000", "CZ"),
                        "CZ6508000000192000145399"),
                e.contact());
        assertEquals("Nováková", e.person().lastName());
        assertEquals(3, e.person().version());
        assertEquals(77L, e.person().accountId());
    }

    @Test
    void serverErrorsOfNestedAddressFieldsReachTheirFields() {
        PersonForm form = staffForm();
        form.edit(JANA);

        List<FieldError> rest = form.showErrors(new InvalidFieldsException(List.of(
                new FieldError("address.postcode", "registry.too-long", List.of(16)),
                new FieldError("email", "registry.email.invalid", List.of()))));

        assertTrue(rest.isEmpty());
        assertTrue(form.postcode.isInvalid());
        assertEquals("[registry.too-long]", form.postcode.getErrorMessage());
        assertTrue(form.email.isInvalid());
    }

    private PersonForm staffForm() {
        PersonForm form = new PersonForm((key, args) -> "[" + key + "]", false);
        form.addSaveListener(saved::add);
        return form;
    }
}
