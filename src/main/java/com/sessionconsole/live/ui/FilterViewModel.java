package com.sessionconsole.live.ui;

import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.live.FilterParser;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filter bar's state: what the analyst typed, the filter it parses to, and an error per field.
 * A field with an error is left out of the filter, and the error says so next to the field.
 */
public final class FilterViewModel {
    private final FilterParser parser = new FilterParser();
    private final Map<FilterParser.Field, StringProperty> inputs = new EnumMap<>(FilterParser.Field.class);
    private final Map<FilterParser.Field, ReadOnlyStringWrapper> errors = new EnumMap<>(FilterParser.Field.class);
    private final ReadOnlyObjectWrapper<SessionFilter> filter = new ReadOnlyObjectWrapper<>(SessionFilter.NONE);
    private final ReadOnlyStringWrapper errorSummary = new ReadOnlyStringWrapper("");

    public FilterViewModel() {
        for (FilterParser.Field f : FilterParser.Field.values()) {
            StringProperty in = new SimpleStringProperty("");
            in.addListener((obs, old, now) -> reparse());
            inputs.put(f, in);
            errors.put(f, new ReadOnlyStringWrapper(""));
        }
    }

    public StringProperty input(FilterParser.Field field) {
        return inputs.get(field);
    }

    public ReadOnlyStringProperty error(FilterParser.Field field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SessionFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorSummaryProperty() {
        return errorSummary.getReadOnlyProperty();
    }

    public void clear() {
        inputs.values().forEach(p -> p.set(""));
    }

    private void reparse() {
        FilterParser.Parsed parsed = parser.parse(new FilterParser.Input(
                get(FilterParser.Field.TEXT), get(FilterParser.Field.IP), get(FilterParser.Field.MAX_TRUST),
                get(FilterParser.Field.CREATED_WITHIN), get(FilterParser.Field.EXPIRES_WITHIN), get(FilterParser.Field.USER),
                get(FilterParser.Field.DEVICE), get(FilterParser.Field.LOCATION)));
        errors.forEach((field, prop) -> prop.set(parsed.errors().getOrDefault(field, "")));
        errorSummary.set(parsed.errors().entrySet().stream()
                .map(e -> label(e.getKey()) + ": " + e.getValue() + " (not applied until fixed)")
                .collect(Collectors.joining("   ")));
        if (!parsed.filter().equals(filter.get())) {
            filter.set(parsed.filter());
        }
    }

    private String get(FilterParser.Field f) {
        return inputs.get(f).get();
    }

    public static String label(FilterParser.Field f) {
        return switch (f) {
            case TEXT -> "Search";
            case IP -> "IP / CIDR";
            case MAX_TRUST -> "Trust ≤";
            case CREATED_WITHIN -> "Created within";
            case EXPIRES_WITHIN -> "Expires within";
            case USER -> "User";
            case DEVICE -> "Device";
            case LOCATION -> "Location";
        };
    }
}
