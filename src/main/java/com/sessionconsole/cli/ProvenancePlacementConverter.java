package com.sessionconsole.cli;

import com.sessionconsole.export.ProvenancePlacement;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

final class ProvenancePlacementConverter implements ITypeConverter<ProvenancePlacement> {
    @Override
    public ProvenancePlacement convert(String value) {
        try {
            return ProvenancePlacement.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
