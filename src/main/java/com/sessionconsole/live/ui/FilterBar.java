package com.sessionconsole.live.ui;

import com.sessionconsole.live.FilterParser;
import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.ViewPrefs;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The filter fields (laid out in FilterBar.fxml). Each field is bound to the {@link FilterViewModel};
 * ControlsFX validation marks a field whose text does not parse, with the reason as its tooltip. What
 * the analyst typed is remembered between runs.
 */
public final class FilterBar {
    @FXML private TextField text;
    @FXML private TextField ip;
    @FXML private TextField maxTrust;
    @FXML private TextField createdWithin;
    @FXML private TextField expiresWithin;
    @FXML private TextField user;
    @FXML private TextField device;
    @FXML private TextField locationText;

    private final LiveViewModel live;
    private final ViewPrefs prefs;
    private final Parent root;
    private final ValidationSupport validation = new ValidationSupport();

    public FilterBar(LiveViewModel live, ViewPrefs prefs) {
        this.live = live;
        this.prefs = prefs;
        this.root = Fxml.load("FilterBar.fxml", this);
        growSearchBox();
    }

    /** The search box takes the room the other fields leave on the bar's row, within these bounds. */
    private static final double SEARCH_MIN = 300;
    private static final double SEARCH_MAX = 760;

    private void growSearchBox() {
        FlowPane bar = (FlowPane) root;
        Node box = text.getParent();
        List<Observable> deps = new ArrayList<>(List.of(bar.widthProperty()));
        bar.getChildren().stream().filter(n -> n != box).forEach(n -> deps.add(n.layoutBoundsProperty()));
        text.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double others = bar.getChildren().stream().filter(n -> n != box).mapToDouble(n -> n.getLayoutBounds().getWidth() + bar.getHgap()).sum();
            double free = bar.getWidth() - bar.getInsets().getLeft() - bar.getInsets().getRight() - others - 4;
            return free < SEARCH_MIN ? SEARCH_MIN : Math.min(free, SEARCH_MAX);
        }, deps.toArray(Observable[]::new)));
    }

    @FXML
    private void initialize() {
        Map<FilterParser.Field, TextField> fields = new EnumMap<>(FilterParser.Field.class);
        fields.put(FilterParser.Field.TEXT, text);
        fields.put(FilterParser.Field.IP, ip);
        fields.put(FilterParser.Field.MAX_TRUST, maxTrust);
        fields.put(FilterParser.Field.CREATED_WITHIN, createdWithin);
        fields.put(FilterParser.Field.EXPIRES_WITHIN, expiresWithin);
        fields.put(FilterParser.Field.USER, user);
        fields.put(FilterParser.Field.DEVICE, device);
        fields.put(FilterParser.Field.LOCATION, locationText);
        FilterViewModel f = live.filter();
        validation.setValidationDecorator(new StyleClassValidationDecoration());
        fields.forEach((field, input) -> {
            f.input(field).set(prefs.get("filter." + field, ""));
            f.input(field).addListener((obs, old, now) -> prefs.put("filter." + field, now));
            input.textProperty().bindBidirectional(f.input(field));
            ObservableStringValue error = f.error(field);
            // registered after the binding, so the ViewModel has parsed the new text when this runs
            validation.registerValidator(input, false, (Control c, String value) -> ValidationResult.fromErrorIf(c, error.get(), !error.get().isEmpty()));
            error.addListener((obs, old, now) -> input.setTooltip(now.isEmpty() ? null : new Tooltip(now)));
        });
        text.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                clear();
            }
        });
    }

    @FXML
    private void clear() {
        live.filter().clear();
        live.clearPivot();
    }

    public Parent root() {
        return root;
    }

    /** The search box, for Ctrl+F. */
    public TextField searchField() {
        return text;
    }
}
