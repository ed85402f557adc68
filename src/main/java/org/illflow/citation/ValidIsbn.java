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
 * The text is an ISBN-10 or ISBN-13 with a correct check digit.
 * Null and blank are valid; use {@code @NotBlank} to require the field.
 */
@Documented
@Constraint(validatedBy = ValidIsbn.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidIsbn {

    String message() default "{citation.isbn.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link CitationValidation#isAcceptableIsbn}. */
    class Validator implements ConstraintValidator<ValidIsbn, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || CitationValidation.isAcceptableIsbn(value.toString());
        }
    }
}
