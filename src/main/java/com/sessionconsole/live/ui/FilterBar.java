package com.sessionconsole.live.ui;

import com.sessionconsole.live.FilterParser;
import com.sessionconsole.ui.Fxml;
import com.sessionconsole.ui.ViewPrefs;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

import java.util.EnumMap;
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
