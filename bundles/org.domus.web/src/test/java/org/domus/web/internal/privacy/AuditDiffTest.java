package org.domus.web.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.dom.Element;
import java.util.List;
import org.domus.core.audit.AuditEvent.FieldChange;
import org.junit.jupiter.api.Test;

class AuditDiffTest {

    @Test
    void everyFieldIsARowAndOnlyChangedOnesAreMarked() {
        AuditDiff diff = new AuditDiff(
                List.of(
                        new FieldChange("email", "old@example.org", "new@example.org", true),
                        new FieldChange("phone", "+420 1", "+420 1", false),
                        new FieldChange("bankAccount", null, "CZ65 0800", true)),
                key -> "[" + key + "]");
        Element table = diff.getElement().getChild(0);
        assertEquals("table", table.getTag());
        assertEquals(4, table.getChildCount()); // header and three fields
        assertEquals("[audit.field]", table.getChild(0).getChild(0).getText());
        Element email = table.getChild(1);
        assertTrue(email.getClassList().contains(AuditDiff.CHANGED));
        assertEquals("old@example.org", email.getChild(1).getText());
        assertEquals("new@example.org", email.getChild(2).getText());
        assertFalse(table.getChild(2).getClassList().contains(AuditDiff.CHANGED));
        assertEquals("—", table.getChild(3).getChild(1).getText());
    }

    @Test
    void anEventWithoutValuesSaysSo() {
        assertEquals("[audit.noDetails]", new AuditDiff(List.of(), key -> "[" + key + "]").getText());
    }
}
