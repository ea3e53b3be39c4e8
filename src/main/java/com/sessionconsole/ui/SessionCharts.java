package com.sessionconsole.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Three small charts: active sessions over time, top locations and trust levels of the rows in view. */
public final class SessionCharts {
    private final XYChart.Series<Number, Number> active = new XYChart.Series<>();
    private final XYChart.Series<String, Number> locations = new XYChart.Series<>();
    private final XYChart.Series<String, Number> trust = new XYChart.Series<>();
    private final TitledPane pane;

    /**
     * @param onVisible told when the charts are unfolded or folded, so that nobody computes data no one sees
     */
    public SessionCharts(ObservableValue<ChartData> data, Consumer<Boolean> onVisible,
                  ViewPrefs prefs, String prefKey, String timeAxis) {
        NumberAxis time = new NumberAxis();
        time.setForceZeroInRange(false);
        time.setTickLabelsVisible(false);
        time.setLabel(timeAxis);
        NumberAxis count = new NumberAxis();
        count.setForceZeroInRange(false);
        LineChart<Number, Number> line = new LineChart<>(time, count);
        line.setTitle("Active sessions");
        line.setCreateSymbols(false);
        line.setLegendVisible(false);
        line.setAnimated(false);
        line.getData().add(active);
        BarChart<String, Number> loc = new BarChart<>(new CategoryAxis(), new NumberAxis());
        loc.setTitle("Top locations (rows in view)");
        loc.setLegendVisible(false);
        loc.setAnimated(false);
        loc.getData().add(locations);
        CategoryAxis trustAxis = new CategoryAxis();
        trustAxis.setLabel("trust from (tens)");
        BarChart<String, Number> tr = new BarChart<>(trustAxis, new NumberAxis());
        tr.setTitle("Trust levels (rows in view)");
        tr.setLegendVisible(false);
        tr.setAnimated(false);
        tr.getData().add(trust);
        HBox box = new HBox(8, line, loc, tr);
        for (Node n : box.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setPrefHeight(190);
            ((Region) n).setMinWidth(200);
        }
        pane = new TitledPane("Charts", box);
        pane.setId("charts");
        pane.setExpanded(prefs.getBoolean(prefKey + ".expanded", false));
        onVisible.accept(pane.isExpanded());
        pane.expandedProperty().addListener((o, a, open) -> {
            prefs.putBoolean(prefKey + ".expanded", open);
            onVisible.accept(open);
            if (open && data.getValue() != null) {
                show(data.getValue());
            }
        });
        data.addListener((o, a, d) -> {
            if (pane.isExpanded() && d != null) {
                show(d); // nothing is drawn while the charts are folded away
            }
        });
    }

    private void show(ChartData d) {
        long t0 = d.activeOverTime().isEmpty() ? 0 : d.activeOverTime().get(0).at().getEpochSecond();
        active.getData().setAll(d.activeOverTime().stream()
                .map(s -> new XYChart.Data<Number, Number>(s.at().getEpochSecond() - t0, s.active())).toList());
        locations.getData().setAll(d.topLocations().entrySet().stream()
                .map((Map.Entry<String, Long> e) -> new XYChart.Data<String, Number>(e.getKey(), e.getValue())).toList());
        List<XYChart.Data<String, Number>> buckets = new ArrayList<>();
        for (int i = 0; i < d.trustBuckets().length; i++) {
            buckets.add(new XYChart.Data<>(Integer.toString(i * 10), d.trustBuckets()[i])); // bucket i holds i*10 to i*10+9
        }
        trust.getData().setAll(buckets);
    }

    public Node node() {
        return pane;
    }
}
