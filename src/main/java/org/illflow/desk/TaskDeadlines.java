package org.illflow.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.lending.LendingProcess;
import org.illflow.loan.DueDateCalculator;
import org.illflow.loan.InterlibraryLoanProcess;
import org.illflow.patron.PatronRegistrationProcess;
import org.illflow.patron.RegistrationSettings;
import org.illflow.supplier.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The one place that says when each staff task is due and when to look at it again (Tasklist's due and follow-up
 * dates). Deadlines come from the settings and the supplier's or lender's terms, counted in working days; where
 * a timer in the model already fires at a moment (turnaround passed, pickup window over, review reminder), the
 * task is due at that same moment, so a card never says "due later" than the process acts.
 */
@Component
public class TaskDeadlines {

    /** Due and follow-up date of a task; the follow-up date may be null. */
    public record Deadline(Instant due, Instant followUp) {
    }

    private final DeskSettings settings;
    private final DueDateCalculator loanDates;
    private final RegistrationSettings registration;
    private final ZoneId zone;
    private final Map<String, BiFunction<Instant, VariableScope, Deadline>> rules;

    TaskDeadlines(DeskSettings settings, DueDateCalculator loanDates, RegistrationSettings registration,
            Clock clock) {
        this.settings = settings;
        this.loanDates = loanDates;
        this.registration = registration;
        this.zone = clock.getZone();
        this.rules = Map.ofEntries(
                // document delivery; Task_ConfirmLocalHolding is the same id in both lifecycles
                Map.entry(DocumentDeliveryProcess.TASK_CONFIRM_LOCAL_HOLDING, (created, vars) -> order(created)),
                Map.entry(DocumentDeliveryProcess.TASK_ORDER, (created, vars) -> order(created)),
                // an admin decides on a request over a limit as fast as staff order; the same id in both lifecycles
                Map.entry(DocumentDeliveryProcess.TASK_APPROVE_OVER_LIMIT, (created, vars) -> order(created)),
                Map.entry(DocumentDeliveryProcess.TASK_RECEIVE, (created, vars) ->
                        chase(created, date(vars, DocumentDeliveryProcess.VAR_SUPPLIER_DUE_AT))),
                // inter-library loan
                Map.entry(InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER, (created, vars) -> order(created)),
                Map.entry(InterlibraryLoanProcess.TASK_RECEIVE_BOOK, (created, vars) ->
                        chase(created, date(vars, InterlibraryLoanProcess.VAR_LENDER_DUE_AT))),
                Map.entry(InterlibraryLoanProcess.TASK_LEND_TO_PATRON, (created, vars) ->
                        chase(created, date(vars, InterlibraryLoanProcess.VAR_PICKUP_DEADLINE))),
                Map.entry(InterlibraryLoanProcess.TASK_CHECK_IN_RETURNED_BOOK, this::checkIn),
                Map.entry(InterlibraryLoanProcess.TASK_ASK_LENDER_FOR_RENEWAL, this::askForRenewal),
                Map.entry(InterlibraryLoanProcess.TASK_WITHDRAW_FROM_LENDER, (created, vars) -> deskTask(created)),
                // a partner library's book on the desk, and its conditions to accept or decline (ISO 18626)
                Map.entry(InterlibraryLoanProcess.TASK_RECEIVE_PARTNER_BOOK, (created, vars) -> deskTask(created)),
                Map.entry(InterlibraryLoanProcess.TASK_DECIDE_ON_RETRY, (created, vars) -> order(created)),
                Map.entry(InterlibraryLoanProcess.TASK_RETURN_TO_LENDER, (created, vars) -> deskTask(created)),
                // the partner did not confirm the return in time: a desk task to chase it
                Map.entry(InterlibraryLoanProcess.TASK_CHECK_RETURN_WITH_PARTNER, (created, vars) -> deskTask(created)),
                // lending to partner libraries: answer and ship as fast as staff order; a renewal before the loan ends
                Map.entry(LendingProcess.TASK_DECIDE, (created, vars) -> order(created)),
                Map.entry(LendingProcess.TASK_PULL_AND_SHIP, (created, vars) -> order(created)),
                Map.entry(LendingProcess.TASK_SCAN_AND_SEND, (created, vars) -> order(created)),
                Map.entry(LendingProcess.TASK_ANSWER_CANCEL, (created, vars) -> order(created)),
                Map.entry(LendingProcess.TASK_DECIDE_RENEWAL, this::askForRenewal),
                Map.entry(LendingProcess.TASK_CHECK_IN, (created, vars) -> deskTask(created)),
                // registration: due when the reviewers' reminder goes out
                Map.entry(PatronRegistrationProcess.TASK_REVIEW, (created, vars) -> new Deadline(
                        WorkingDays.after(created, registration.getReminderAfterWorkingDays(), zone), null)));
    }

    /** The deadline of a task just created; a task no rule names gets the general desk target. */
    public Deadline of(String taskDefinitionKey, Instant created, VariableScope variables) {
        BiFunction<Instant, VariableScope, Deadline> rule = rules.get(taskDefinitionKey);
        Deadline deadline = rule == null ? null : rule.apply(created, variables);
        return deadline == null ? deskTask(created) : deadline;
    }

    /** Whether a task has a rule of its own (the rest get the general desk target). */
    public boolean hasRuleFor(String taskDefinitionKey) {
        return rules.containsKey(taskDefinitionKey);
    }

    private Deadline order(Instant created) {
        return new Deadline(WorkingDays.after(created, settings.getOrderWithinDays(), zone), null);
    }

    private Deadline deskTask(Instant created) {
        return new Deadline(WorkingDays.after(created, settings.getDeskTaskWithinDays(), zone), null);
    }

    /** Due when the partner's (or patron's) time is up; followed up a little before, to chase them. */
    private Deadline chase(Instant created, Instant due) {
        if (due == null) {
            return null;
        }
        Instant followUp = WorkingDays.before(due, settings.getChaseBeforeDays(), zone);
        return new Deadline(due, followUp.isAfter(created) ? followUp : null);
    }

    /** Due as the loan's due date ends; followed up when the patron's reminder goes out. */
    private Deadline checkIn(Instant created, VariableScope vars) {
        LocalDate due = day(vars, InterlibraryLoanProcess.VAR_DUE_DATE);
        if (due == null) {
            return null;
        }
        Instant reminder = loanDates.reminderAt(due);
        return new Deadline(loanDates.overdueFrom(due), reminder.isAfter(created) ? reminder : null);
    }

    /** The desk target, but never later than the loan's own due date. */
    private Deadline askForRenewal(Instant created, VariableScope vars) {
        Deadline target = deskTask(created);
        LocalDate due = day(vars, InterlibraryLoanProcess.VAR_DUE_DATE);
        if (due != null && loanDates.overdueFrom(due).isBefore(target.due())
                && loanDates.overdueFrom(due).isAfter(created)) {
            return new Deadline(loanDates.overdueFrom(due), null);
        }
        return target;
    }

    private static Instant date(VariableScope vars, String name) {
        Object value = vars.getVariable(name);
        return value instanceof Date date ? date.toInstant() : null;
    }

    private static LocalDate day(VariableScope vars, String name) {
        Object value = vars.getVariable(name);
        if (value == null || value.toString().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
