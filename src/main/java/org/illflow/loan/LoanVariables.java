package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading the few variables every loan step needs, and writing the ones the on-loan timers read. */
final class LoanVariables {

    /** An ISO 8601 date-time with offset, as the start of a BPMN timer cycle wants it. */
    private static final DateTimeFormatter CYCLE_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private LoanVariables() {
    }

    static long requestId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_REQUEST_ID)).longValue();
    }

    /** A date as forms send it (yyyy-MM-dd, or a date-time of which the date counts); null when not a date. */
    static LocalDate date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The due date and what the on-loan timers read from it: the reminder ({@code reminderAt}) and the start of
     * the overdue notice cycle ({@code overdueNoticesFrom}). Set before the on-loan part is (re-)entered, so its
     * timers follow every change of the due date.
     */
    static void scheduleDueDate(VariableScope scope, LoanRequest request, DueDateCalculator dates,
            int renewalsAllowed) {
        LocalDate due = request.getDueDate();
        scope.setVariable(VAR_DUE_DATE, due.toString());
        scope.setVariable(VAR_REMINDER_AT, Date.from(dates.reminderAt(due)));
        scope.setVariable(VAR_OVERDUE_NOTICES_FROM, dates.overdueFrom(due).atZone(dates.zone()).format(CYCLE_START));
        scope.setVariable(VAR_RENEWALS, request.getRenewalsUsed() + " / " + renewalsAllowed);
    }
}
