package com.sessionconsole.cli;

import com.sessionconsole.domain.SummaryKey;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

final class SummaryKeyConverter implements ITypeConverter<SummaryKey> {
    @Override
    public SummaryKey convert(String value) {
        try {
            return SummaryKey.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
