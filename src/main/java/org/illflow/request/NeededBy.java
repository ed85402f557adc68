package org.illflow.request;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A patron's needed-by date: today or later (by the validator's clock provider: the server's clock) and at most {@value #MAX_DAYS_AHEAD} days ahead — a later date says nothing about urgency and
 * is most likely a typo (2062 for 2026). Null (no date given) is valid.
 */
@Documented
@Constraint(validatedBy = NeededBy.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NeededBy {

    /** The process variable (and staff start form field) that carries it, as yyyy-MM-dd. */
    String VARIABLE = "neededBy";

    /** How far ahead a needed-by date may be. */
    int MAX_DAYS_AHEAD = 366;

    String message() default "{request.neededBy.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NeededBy, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate today = LocalDate.now(context.getClockProvider().getClock());
            return !value.isBefore(today) && !value.isAfter(today.plusDays(MAX_DAYS_AHEAD));
        }
    }
}
