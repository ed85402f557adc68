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

/**
 * The text reads as a DOI, with or without resolver prefix.
 * Null and blank are valid; use {@code @NotBlank} to require the field.
 */
@Documented
@Constraint(validatedBy = ValidDoi.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidDoi {

    String message() default "{citation.doi.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link CitationValidation#isAcceptableDoi}. */
    class Validator implements ConstraintValidator<ValidDoi, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || CitationValidation.isAcceptableDoi(value.toString());
        }
    }
}
