package org.illflow.request;

import java.util.Map;

import org.illflow.system.StaffRefusals;

/**
 * Reading a request staff enter from Tasklist's start form (a request that came by phone or e-mail): the form's
 * answers as text, the year as a number, a date. The portal form's validation follows in
 * {@link org.illflow.system.StaffRefusals#requireValid}. Anything wrong fails the start with a message Tasklist
 * shows, in Chinese and English; nothing is stored.
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
            throw new IllegalArgumentException(StaffRefusals.fieldRefusal(name, "出版年", "应为数字（" + year + "）",
                    "Year", "not a number (" + year + ")"));
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
            throw new IllegalArgumentException(StaffRefusals.fieldRefusal(name, "日期", "格式不正确（" + value
                    + "），例如 2026-12-05", "Date", "not a date (" + value + "), for example 2026-12-05"));
        }
    }
}
