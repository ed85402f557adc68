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
 * The text is a single page or a page range that is not backwards or implausibly long.
 * Null and blank are valid; use {@code @NotBlank} to require the field.
 */
@Documented
@Constraint(validatedBy = ValidPageRange.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPageRange {

    String message() default "{citation.pages.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link CitationValidation#isAcceptablePages}. */
    class Validator implements ConstraintValidator<ValidPageRange, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || CitationValidation.isAcceptablePages(value.toString());
        }
    }
}
