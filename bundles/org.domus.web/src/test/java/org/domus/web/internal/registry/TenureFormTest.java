package org.domus.web.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenureFormTest {

    private static final Person ANNA =
            new Person(8, 1, PersonKind.NATURAL, "Anna", "Popescu", null, null, null, null, null, null, null, 0);

    private final TenureForm form = new TenureForm((key, args) -> "[" + key + "]");
    private final List<Tenure> saved = new ArrayList<>();

    @BeforeEach
    void setUp() {
        form.person.setItems(ANNA);
        form.addSaveListener(e -> saved.add(e.tenure()));
        form.create(42);
    }

    @Test
    void aValidTenureNamesUnitPersonRoleShareAndPeriod() {
        form.person.setValue(ANNA);
        form.role.setValue(TenureRole.CO_OWNER);
        form.share.setValue("1/2");
        form.validFrom.setValue(LocalDate.of(2024, 1, 1));

        assertTrue(form.save());

        assertEquals(
                new Tenure(0, 42, 8, TenureRole.CO_OWNER, new Share(1, 2), LocalDate.of(2024, 1, 1), null, 0),
                saved.get(0));
    }

    @Test
    void theShareIsOptionalButMustBeAFractionUpToOne() {
        form.person.setValue(ANNA);
        form.share.setValue("3/2");
        assertFalse(form.save());
        assertEquals("[registry.share.above-one]", form.share.getErrorMessage());

        form.share.setValue("half");
        assertFalse(form.save());
        assertEquals("[registry.share.format]", form.share.getErrorMessage());

        form.share.setValue("");
        assertTrue(form.save());
        assertNull(saved.get(0).share());
    }

    @Test
    void anEndBeforeTheStartAndAMissingPersonAreRefused() {
        form.validFrom.setValue(LocalDate.of(2024, 5, 1));
        form.validTo.setValue(LocalDate.of(2024, 4, 30));

        assertFalse(form.save());

        assertTrue(form.person.isInvalid());
        assertEquals("[registry.tenure.ends-before-start]", form.validTo.getErrorMessage());
        assertTrue(saved.isEmpty());
    }

    @Test
    void aPersonOfAnotherOrganisationComesBackAtThePersonField() {
        List<FieldError> rest = form.showErrors(new InvalidFieldsException(
                List.of(new FieldError("personId", "registry.person.not-found", List.of()))));

        assertTrue(rest.isEmpty());
        assertEquals("[registry.person.not-found]", form.person.getErrorMessage());
    }
}
