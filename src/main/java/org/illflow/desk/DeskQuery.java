package org.illflow.desk;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What staff search the request desk for; every field is optional. {@code view} is one of the ready-made views
 * ({@link View}), {@code page} counts from 0.
 */
public record DeskQuery(String number, String patron, String title, String identifier, String status,
        String partner, String college, LocalDate from, LocalDate to, String service, View view, int page) {

    /** The ready-made views of the desk. */
    public enum View {
        /** Books at the circulation desk waiting for their patrons today. */
        PICKUP,
        /** Loans past their due date. */
        OVERDUE,
        /** Orders and loan requests past their supplier's or lender's turnaround. */
        LATE,
        /** Open requests nobody has touched for the configured number of working days. */
        QUIET,
        /** Requests with a patron's message that staff have not read yet. */
        UNREAD;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        static View of(String param) {
            if (param == null || param.isBlank()) {
                return null;
            }
            for (View view : values()) {
                if (view.param().equals(param)) {
                    return view;
                }
            }
            throw new IllegalArgumentException("no view " + param);
        }
    }

    public DeskQuery {
        number = trim(number);
        patron = trim(patron);
        title = trim(title);
        identifier = trim(identifier);
        status = trim(status);
        partner = trim(partner);
        college = trim(college);
        service = trim(service);
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (service != null && !service.equals("DD") && !service.equals("ILL")) {
            throw new IllegalArgumentException("service must be DD or ILL");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the date range ends before it starts");
        }
    }

    public static DeskQuery all() {
        return new DeskQuery(null, null, null, null, null, null, null, null, null, null, null, 0);
    }

    public DeskQuery withView(View view) {
        return new DeskQuery(number, patron, title, identifier, status, partner, college, from, to, service, view, 0);
    }

    public DeskQuery withPage(int page) {
        return new DeskQuery(number, patron, title, identifier, status, partner, college, from, to, service, view, page);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
