package org.illflow.citation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Year;

/**
 * The year of publication is not after next year (see {@link CitationValidation#isAcceptableYear}).
 * The current year comes from the validator's clock provider, so tests can fix it. Null is valid.
 */
@Documented
@Constraint(validatedBy = NotFutureYear.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotFutureYear {

    String message() default "{citation.year.future}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link CitationValidation#isAcceptableYear}. */
    class Validator implements ConstraintValidator<NotFutureYear, Integer> {

        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            return CitationValidation.isAcceptableYear(value, Year.now(context.getClockProvider().getClock()));
        }
    }
}
