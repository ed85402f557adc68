package org.illflow.system;

import java.time.Duration;
import java.time.Period;

/** Checks of configured values, failing at start-up with the property's name and an example of a good value. */
public final class SettingChecks {

    private SettingChecks() {
    }

    /** {@code value}, if it is a period longer than zero; else the start fails naming {@code property}. */
    public static Period positive(String property, Period value, String example) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw notPositive(property, example);
        }
        return value;
    }

    /** {@code value}, if it is a duration longer than zero; else the start fails naming {@code property}. */
    public static Duration positive(String property, Duration value, String example) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw notPositive(property, example);
        }
        return value;
    }

    private static IllegalArgumentException notPositive(String property, String example) {
        return new IllegalArgumentException(property + " must be positive, e.g. " + example);
    }
}
