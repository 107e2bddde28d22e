package org.domus.web.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.domus.core.registry.Building;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Money;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitFormTest {

    private static final Building BUILDING = new Building(7, 3, "Hlavní", "12", "Praha", "14000", "CZ", null, null, 4);
    /** A valid Polish NRB (the IBAN PL61 1090 1014 0000 0712 1981 2874 without the country code). */
    private static final String NRB = "61109010140000071219812874";

    private final UnitForm form = new UnitForm((key, args) -> "[" + key + "]");
    private final List<Unit> saved = new ArrayList<>();
    private int cancelled;

    @BeforeEach
    void listen() {
        form.building.setItems(BUILDING);
        form.addSaveListener(e -> saved.add(e.unit()));
        form.addCancelListener(e -> cancelled++);
    }

    @Test
    void aValidNewUnitIsSavedWithEveryField() {
        form.create(BUILDING);
        fillValid();

        assertTrue(form.save());

        assertEquals(1, saved.size());
        Unit u = saved.get(0);
        assertEquals(0, u.id());
        assertEquals(7, u.buildingId());
        assertEquals("12", u.number());
        assertEquals(UnitKind.GARAGE, u.kind());
        assertEquals(2, u.floor());
        assertEquals(new BigDecimal("54.25"), u.area());
        assertEquals(List.of("balcony", "cellar"), u.equipment());
        assertEquals(new Share(1, 20), u.share());
        assertEquals(LegalForm.OWNERSHIP, u.legalForm());
        assertEquals(new Money(new BigDecimal("8450.50"), "CZK"), u.rent());
        assertEquals("1234567", u.variableSymbol());
        assertEquals(NRB, u.virtualAccount());
    }

    @Test
    void editingKeepsIdBuildingAndVersionAndLocksTheBuilding() {
        Unit unit = new Unit(
                42,
                7,
                "3a",
                UnitKind.FLAT,
                1,
                "B",
                new BigDecimal("61.00"),
                3,
                List.of("lift"),
                new Share(3, 100),
                LegalForm.COOPERATIVE_RIGHT,
                UnitState.OCCUPIED,
                null,
                null,
                null,
                9);
        form.edit(unit, BUILDING);
        form.area.setValue(new BigDecimal("62.5"));

        assertTrue(form.save());

        Unit u = saved.get(0);
        assertEquals(42, u.id());
        assertEquals(9, u.version());
        assertEquals(new BigDecimal("62.5"), u.area());
        assertEquals(new Share(3, 100), u.share());
        assertEquals("B", u.staircase());
        assertTrue(form.building.isReadOnly());
    }

    @Test
    void theStaircaseIsTrimmedBlankMeansNoneAndOtherCharactersAreRefused() {
        form.create(BUILDING);
        fillValid();
        form.staircase.setValue(" A-2 ");
        assertTrue(form.save());
        assertEquals("A-2", saved.get(0).staircase());

        form.create(BUILDING);
        fillValid();
        form.staircase.setValue("  ");
        assertTrue(form.save());
        assertEquals(null, saved.get(1).staircase());

        form.create(BUILDING);
        fillValid();
        form.staircase.setValue("A/2");
        assertFalse(form.save());
        assertEquals("[registry.staircase.invalid]", form.staircase.getErrorMessage());
        assertEquals(2, saved.size());
    }

    @Test
    void missingRequiredFieldsFireNothing() {
        form.create(null);

        assertFalse(form.save());

        assertTrue(saved.isEmpty());
        assertTrue(form.building.isInvalid());
        assertTrue(form.number.isInvalid());
        assertTrue(form.area.isInvalid());
        assertEquals("[validation.required]", form.number.getErrorMessage());
    }

    @Test
    void aShareAboveOneAndABirthNumberAsVariableSymbolAreRefusedAtTheirFields() {
        form.create(BUILDING);
        fillValid();
        form.shareNumerator.setValue("3");
        form.shareDenominator.setValue("2");
        form.variableSymbol.setValue("7801233540");

        assertFalse(form.save());

        assertTrue(saved.isEmpty());
        assertEquals("[registry.share.above-one]", form.shareDenominator.getErrorMessage());
        assertEquals("[registry.vs.birth-number]", form.variableSymbol.getErrorMessage());
    }

    @Test
    void aBadNrbARentWithoutCurrencyAndTooManyDecimalsAreRefused() {
        form.create(BUILDING);
        fillValid();
        form.virtualAccount.setValue("61109010140000071219812875");
        form.currency.setValue("");
        form.area.setValue(new BigDecimal("54.255"));

        assertFalse(form.save());

        assertEquals("[registry.nrb.invalid]", form.virtualAccount.getErrorMessage());
        assertEquals("[validation.required]", form.currency.getErrorMessage());
        assertEquals("[registry.decimals]", form.area.getErrorMessage());
        assertTrue(saved.isEmpty());
    }

    @Test
    void serverFieldErrorsAppearAtTheirFieldsAndUnknownOnesAreReturned() {
        form.create(BUILDING);
        fillValid();

        List<FieldError> rest = form.showErrors(new InvalidFieldsException(List.of(
                new FieldError("number", "registry.unit.number.taken", List.of()),
                new FieldError("share", "registry.unit.share.sum", List.of("99/100")),
                new FieldError("organisationId", "registry.organisation.not-found", List.of()))));

        assertTrue(form.number.isInvalid());
        assertEquals("[registry.unit.number.taken]", form.number.getErrorMessage());
        assertTrue(form.shareDenominator.isInvalid());
        assertEquals("[registry.unit.share.sum]", form.shareDenominator.getErrorMessage());
        assertEquals(
                List.of("organisationId"), rest.stream().map(FieldError::field).toList());
    }

    @Test
    void cancelFiresACancelEventAndNoSave() {
        form.cancel.click();

        assertEquals(1, cancelled);
        assertTrue(saved.isEmpty());
    }

    private void fillValid() {
        form.number.setValue("12");
        form.kind.setValue(UnitKind.GARAGE);
        form.floor.setValue(2);
        form.area.setValue(new BigDecimal("54.25"));
        form.rooms.setValue(2);
        form.equipment.setValue("balcony, cellar");
        form.shareNumerator.setValue("5");
        form.shareDenominator.setValue("100");
        form.legalForm.setValue(LegalForm.OWNERSHIP);
        form.state.setValue(UnitState.OCCUPIED);
        form.rent.setValue(new BigDecimal("8450.50"));
        form.currency.setValue("czk");
        form.variableSymbol.setValue("1234567");
        form.virtualAccount.setValue(NRB);
    }
}
