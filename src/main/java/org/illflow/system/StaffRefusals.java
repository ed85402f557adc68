package org.illflow.system;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Refusals staff see in Tasklist when the engine refuses a start form or a task form. The engine runs the form's
 * delegates without knowing the staff member's language, and Tasklist shows the exception's text as it is, so every
 * refusal carries both languages: Chinese first, English after, e.g. {@code 题名（title）：内容过长 / Title: This is
 * too long}; the field's key in brackets lets Tasklist show it under that field. The texts are the same message keys the portal pages show, so a field's rule reads the same everywhere.
 */
@Component
public class StaffRefusals {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;
    private final Validator validator;

    public StaffRefusals(MessageSource messages, Validator validator) {
        this.messages = messages;
        this.validator = validator;
    }

    /** A message key in Chinese and in English: {@code 中文 / English}. */
    public String bilingual(String key, Object... arguments) {
        return messages.getMessage(key, arguments, CHINESE) + " / " + messages.getMessage(key, arguments, ENGLISH);
    }

    /**
     * The form's constraints, as the portal checks them; the first broken one (in field order by name, so the same
     * form always gets the same answer) fails with its field's label and reason in both languages.
     *
     * @param labelPrefixes the message key prefixes of the field labels, the first with a label for the field
     *                      wins ({@code portal.} gives {@code portal.title}); a field without a label is named by
     *                      its upper-cased name (ISSN, DOI)
     * @throws IllegalArgumentException when a constraint is broken
     */
    public <F> F requireValid(F form, String... labelPrefixes) {
        ConstraintViolation<F> chinese = firstViolation(form, CHINESE);
        if (chinese == null) {
            return form;
        }
        String field = chinese.getPropertyPath().toString();
        ConstraintViolation<F> english = firstViolation(form, ENGLISH);
        String englishReason = english == null ? chinese.getMessage() : english.getMessage();
        throw new IllegalArgumentException(fieldRefusal(field, label(labelPrefixes, field, CHINESE),
                chinese.getMessage(), label(labelPrefixes, field, ENGLISH), englishReason));
    }

    /**
     * A refusal of one field for a reason that is not a form constraint (a value no list has): the field's label
     * ({@code labelKey}) and the reason ({@code reasonKey} with its arguments), each in both languages, in the
     * shape of {@link #fieldRefusal}.
     */
    public IllegalArgumentException refuseField(String field, String labelKey, String reasonKey, Object... arguments) {
        return new IllegalArgumentException(fieldRefusal(field, messages.getMessage(labelKey, null, CHINESE),
                messages.getMessage(reasonKey, arguments, CHINESE), messages.getMessage(labelKey, null, ENGLISH),
                messages.getMessage(reasonKey, arguments, ENGLISH)));
    }

    /**
     * The one shape of a field's refusal: {@code 页码（pages）：页码无效… / Pages: This is not…}. The field's form key in
     * brackets lets Tasklist's script (desk/webapp-config.js) show the refusal under that field.
     */
    public static String fieldRefusal(String field, String chineseLabel, String chineseReason, String englishLabel,
            String englishReason) {
        return chineseLabel + "（" + field + "）：" + chineseReason + " / " + englishLabel + ": " + englishReason;
    }

    private <F> ConstraintViolation<F> firstViolation(F form, Locale locale) {
        Set<ConstraintViolation<F>> violations = inLocale(locale, () -> validator.validate(form));
        return violations.stream()
                .min(Comparator.<ConstraintViolation<F>, String>comparing(v -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessageTemplate))
                .orElse(null);
    }

    private String label(String[] prefixes, String field, Locale locale) {
        for (String prefix : prefixes) {
            String label = messages.getMessage(prefix + field, null, null, locale);
            if (label != null) {
                return label;
            }
        }
        return field.toUpperCase(Locale.ROOT);
    }

    /** Message interpolation follows the locale of the current thread (Spring's validator reads it from here). */
    private static <T> T inLocale(Locale locale, Supplier<T> work) {
        var before = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            return work.get();
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }
}
