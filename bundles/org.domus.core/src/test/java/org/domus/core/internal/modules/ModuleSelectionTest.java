package org.domus.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleSelectionTest {

    @Test
    void aModuleBringsItsServiceAndUiFeatures() {
        ModuleSelection selection = ModuleSelection.parse("ledger, tickets");
        assertEquals(
                Set.of("domus-ledger", "domus-ledger-ui", "domus-tickets", "domus-tickets-ui"), selection.features());
        assertTrue(selection.errors().isEmpty());
    }

    @Test
    void headlessModulesGetNoUiFeature() {
        assertEquals(
                Set.of("domus-voting"), ModuleSelection.parse("voting:headless").features());
    }

    @Test
    void emptyOrBlankSelectsNothing() {
        assertTrue(ModuleSelection.parse("").features().isEmpty());
        assertTrue(ModuleSelection.parse("  ").features().isEmpty());
        assertTrue(ModuleSelection.parse(null).features().isEmpty());
    }

    @Test
    void malformedIdsAreReportedAndSkipped() {
        ModuleSelection selection = ModuleSelection.parse("ledger, ../etc, Tickets");
        assertEquals(Set.of("domus-ledger", "domus-ledger-ui"), selection.features());
        assertEquals(2, selection.errors().size());
    }
}
