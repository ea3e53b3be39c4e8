package com.sessionconsole.cli;

import com.sessionconsole.domain.GroupBy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

final class GroupByConverter implements ITypeConverter<GroupBy> {
    @Override
    public GroupBy convert(String value) {
        try {
            return GroupBy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
