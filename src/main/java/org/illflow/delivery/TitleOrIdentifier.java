package org.illflow.delivery;

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
 * An article request names its document by title, or by a DOI or PMID alone: a PubMed LinkOut link carries only
 * {@code id=pmid:…}, and staff can complete the citation from the identifier. The error sits on {@code title}.
 */
@Documented
@Constraint(validatedBy = TitleOrIdentifier.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface TitleOrIdentifier {

    String message() default "{dd.title.orIdentifier}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TitleOrIdentifier, ArticleRequestForm> {

        @Override
        public boolean isValid(ArticleRequestForm form, ConstraintValidatorContext context) {
            if (form == null || form.getTitle() != null || form.identifier() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("title").addConstraintViolation();
            return false;
        }
    }
}
