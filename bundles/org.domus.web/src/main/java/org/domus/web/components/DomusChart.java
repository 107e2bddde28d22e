package org.domus.web.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.dom.Element;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Chart.js chart: bars, a doughnut or lines, drawn without animation (the same picture every time). The
 * numbers are also in a visually hidden table (caption = title, one column per label, one row per series)
 * for screen readers. Give the chart a height ({@link #setHeight}); it fills its width.
 */
@Tag("domus-chart")
@JsModule("./components/domus-chart.js")
@NpmPackage(value = "chart.js", version = "4.4.9")
public class DomusChart extends Component implements HasSize {

    private static final long serialVersionUID = 1L;

    /** The kind of chart; its name is Chart.js's type. */
    public enum Type {
        BAR("bar"),
        DOUGHNUT("doughnut"),
        LINE("line");

        private final String js;

        Type(String js) {
            this.js = js;
        }
    }

    private final Element table = new Element("table");

    public DomusChart() {
        setWidthFull();
        setHeight("300px");
        // The wrapper is what the shadow root's styles hide visually (a table itself does not shrink).
        Element hidden = new Element("div");
        hidden.setAttribute("class", "domus-chart-table");
        hidden.appendChild(table);
        getElement().appendChild(hidden);
    }

    /** Bars: one group per label, one bar per series in it. */
    public void setBar(String title, List<String> labels, List<ChartSeries> series) {
        show(Type.BAR, title, labels, series);
    }

    /** A doughnut: one slice per label; normally one series. */
    public void setDoughnut(String title, List<String> labels, List<ChartSeries> series) {
        show(Type.DOUGHNUT, title, labels, series);
    }

    /** Lines: one line per series over the labels (for example months). */
    public void setLine(String title, List<String> labels, List<ChartSeries> series) {
        show(Type.LINE, title, labels, series);
    }

    private void show(Type type, String title, List<String> labels, List<ChartSeries> series) {
        Objects.requireNonNull(title, "title");
        List<String> labelList = List.copyOf(labels);
        List<ChartSeries> seriesList = List.copyOf(series);
        for (ChartSeries s : seriesList) {
            if (s.values().size() != labelList.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has "
                        + s.values().size() + " values for " + labelList.size() + " labels");
            }
        }
        JsonObject config = Json.createObject();
        config.put("type", type.js);
        config.put("title", title);
        JsonArray labelJson = Json.createArray();
        labelList.forEach(l -> labelJson.set(labelJson.length(), l));
        config.put("labels", labelJson);
        JsonArray seriesJson = Json.createArray();
        for (ChartSeries s : seriesList) {
            JsonObject one = Json.createObject();
            one.put("name", s.name());
            JsonArray values = Json.createArray();
            s.values().forEach(v -> values.set(values.length(), v.doubleValue()));
            one.put("values", values);
            seriesJson.set(seriesJson.length(), one);
        }
        config.put("series", seriesJson);
        getElement().setPropertyJson("config", config);
        fillTable(title, labelList, seriesList);
    }

    private void fillTable(String title, List<String> labels, List<ChartSeries> series) {
        table.removeAllChildren();
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(6);
        table.appendChild(new Element("caption").setText(title));
        Element head = new Element("tr");
        head.appendChild(new Element("td"));
        labels.forEach(l ->
                head.appendChild(new Element("th").setAttribute("scope", "col").setText(l)));
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (ChartSeries s : series) {
            Element row = new Element("tr");
            row.appendChild(new Element("th").setAttribute("scope", "row").setText(s.name()));
            s.values().forEach(v -> row.appendChild(new Element("td").setText(format.format(v))));
            body.appendChild(row);
        }
        table.appendChild(body);
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }
}
