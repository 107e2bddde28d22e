package org.domus.web.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.vaadin.flow.dom.Element;
import elemental.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomusChartTest {

    private final DomusChart chart = new DomusChart();

    private String config() {
        return ((JsonValue) chart.getElement().getPropertyRaw("config")).toJson();
    }

    private Element table() {
        return chart.getElement().getChild(0).getChild(0);
    }

    @Test
    void aBarChartSendsTypeTitleLabelsAndSeries() {
        chart.setBar(
                "Tickets",
                List.of("Open", "Closed"),
                List.of(new ChartSeries("2025", List.of(3, 7)), new ChartSeries("2026", List.of(4.5, 0))));

        assertEquals(
                "{\"type\":\"bar\",\"title\":\"Tickets\",\"labels\":[\"Open\",\"Closed\"],\"series\":[{\"name\":"
                        + "\"2025\",\"values\":[3,7]},{\"name\":\"2026\",\"values\":[4.5,0]}]}",
                config());
    }

    @Test
    void doughnutAndLineAreTheirOwnTypes() {
        chart.setDoughnut("Share", List.of("A"), List.of(new ChartSeries("s", List.of(1))));
        assertEquals(
                "doughnut",
                ((elemental.json.JsonObject) chart.getElement().getPropertyRaw("config")).getString("type"));
        chart.setLine("Trend", List.of("Jan"), List.of(new ChartSeries("s", List.of(1))));
        assertEquals(
                "line", ((elemental.json.JsonObject) chart.getElement().getPropertyRaw("config")).getString("type"));
    }

    @Test
    void theHiddenTableHoldsTheSameNumbers() {
        chart.setBar(
                "Arrears",
                List.of("Jan", "Feb"),
                List.of(new ChartSeries("CZK", List.of(new BigDecimal("1250.50"), new BigDecimal("0")))));

        Element table = table();
        assertEquals("table", table.getTag());
        assertEquals("Arrears", table.getChild(0).getText());
        Element head = table.getChild(1).getChild(0);
        assertEquals("Jan", head.getChild(1).getText());
        assertEquals("col", head.getChild(1).getAttribute("scope"));
        Element row = table.getChild(2).getChild(0);
        assertEquals("CZK", row.getChild(0).getText());
        assertEquals("row", row.getChild(0).getAttribute("scope"));
        assertEquals("1,250.5", row.getChild(1).getText());
        assertEquals("0", row.getChild(2).getText());
    }

    @Test
    void aNewChartReplacesTheTable() {
        chart.setBar("One", List.of("a"), List.of(new ChartSeries("s", List.of(1))));
        chart.setLine("Two", List.of("b"), List.of(new ChartSeries("t", List.of(2))));

        assertEquals(1, chart.getElement().getChildCount());
        assertEquals("Two", table().getChild(0).getText());
        assertEquals(1, table().getChild(2).getChildCount());
    }

    @Test
    void seriesMustHaveOneValuePerLabelAndFiniteValues() {
        assertThrows(
                IllegalArgumentException.class,
                () -> chart.setBar("x", List.of("a", "b"), List.of(new ChartSeries("s", List.of(1)))));
        assertThrows(IllegalArgumentException.class, () -> new ChartSeries("s", List.of(Double.NaN)));
    }
}
