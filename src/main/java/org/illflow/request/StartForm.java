package org.illflow.request;

import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Reading a request staff enter from Tasklist's start form (a request that came by phone or e-mail): the form's
 * answers as text, the year as a number, and the same validation as the portal's form. Anything wrong fails the
 * start with a message Tasklist shows; nothing is stored.
 */
public final class StartForm {

    /** The fields both services' start forms ask, under the same names (each process's constants use these). */
    public static final String AUTHORS = "authors";
    public static final String YEAR = "year";
    public static final String LANGUAGE = "language";
    public static final String SUBJECT_AREA = "subjectArea";
    public static final String NOTE = "note";
    /** The patron's needed-by date (a date field; yyyy-MM-dd), see {@link NeededBy}. */
    public static final String NEEDED_BY = NeededBy.VARIABLE;

    private final Map<String, Object> answers;

    public StartForm(Map<String, Object> answers) {
        this.answers = answers;
    }

    public String text(String name) {
        Object value = answers.get(name);
        return value == null ? null : value.toString();
    }

    public Integer year(String name) {
        Object year = answers.get(name);
        try {
            return year instanceof Number n ? Integer.valueOf(n.intValue())
                    : year == null || year.toString().isBlank() ? null : Integer.valueOf(year.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid year: " + year + " / 出版年份不正确");
        }
    }

    /** A date field (Camunda Forms' date picker answers yyyy-MM-dd); empty is null. */
    public java.time.LocalDate day(String name) {
        Object value = answers.get(name);
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.toString().strip().substring(0, Math.min(10, value.toString().strip().length())));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " / 日期格式不正确（例如 2026-12-05）");
        }
    }

    /** The portal form's own constraints; the first one broken fails the start. */
    public static <F> F validated(Validator validator, F form) {
        Set<ConstraintViolation<F>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            ConstraintViolation<F> first = violations.iterator().next();
            throw new IllegalArgumentException("Invalid " + first.getPropertyPath() + ": " + first.getMessage());
        }
        return form;
    }
}
