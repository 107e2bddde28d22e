package org.domus.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterNodeTest {

    private final String karafName = System.getProperty("karaf.name");

    @AfterEach
    void restoreKarafName() {
        if (karafName == null) {
            System.clearProperty("karaf.name");
        } else {
            System.setProperty("karaf.name", karafName);
        }
    }

    @Test
    void nameIsKarafNameAtHostWithRandomSuffix() {
        System.setProperty("karaf.name", "node-a");
        String name = ClusterNode.newName();
        assertTrue(name.matches("node-a@.+#[0-9a-f]{8}"), name);
    }

    @Test
    void withoutKarafNameTheNodeIsCalledKaraf() {
        System.clearProperty("karaf.name");
        assertTrue(ClusterNode.newName().startsWith("karaf@"));
    }

    @Test
    void everyCallGivesADifferentName() {
        assertNotEquals(ClusterNode.newName(), ClusterNode.newName());
    }

    @Test
    void aLongNameIsCutToTheClaimColumnsLength() {
        System.setProperty("karaf.name", "n".repeat(300));
        assertEquals(ClusterNode.MAX_NAME_LENGTH, ClusterNode.newName().length());
    }
}
