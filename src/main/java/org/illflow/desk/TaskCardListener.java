package org.illflow.desk;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.loan.InterlibraryLoanProcess;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Runs when any staff task is created (attached to every user task of every model by {@link TaskCardPlugin}, so
 * no model can forget it): gives the task its due and follow-up dates ({@link TaskDeadlines}) and makes sure
 * the variables its Tasklist card shows are there (see {@link TaskFilters}), as small process variables.
 */
@Component
public class TaskCardListener implements TaskListener {

    /** Tasks done with one supplier or lender: their name in Tasklist says which, after the model's plain name. */
    static final Set<String> PARTNER_TASKS = Set.of(DocumentDeliveryProcess.TASK_ORDER,
            DocumentDeliveryProcess.TASK_RECEIVE, InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER,
            InterlibraryLoanProcess.TASK_RECEIVE_BOOK, InterlibraryLoanProcess.TASK_WITHDRAW_FROM_LENDER,
            InterlibraryLoanProcess.TASK_ASK_LENDER_FOR_RENEWAL, InterlibraryLoanProcess.TASK_RETURN_TO_LENDER,
            org.illflow.lending.LendingProcess.TASK_DECIDE, org.illflow.lending.LendingProcess.TASK_PULL_AND_SHIP,
            org.illflow.lending.LendingProcess.TASK_SCAN_AND_SEND, org.illflow.lending.LendingProcess.TASK_ANSWER_CANCEL,
            org.illflow.lending.LendingProcess.TASK_DECIDE_RENEWAL, org.illflow.lending.LendingProcess.TASK_CHECK_IN,
            InterlibraryLoanProcess.TASK_RECEIVE_PARTNER_BOOK, InterlibraryLoanProcess.TASK_DECIDE_ON_RETRY,
            InterlibraryLoanProcess.TASK_CHECK_RETURN_WITH_PARTNER);

    /** Tasks that place an order with a supplier or lender: the partner's turnaround follows them. */
    static final Set<String> ORDER_TASKS = Set.of(DocumentDeliveryProcess.TASK_ORDER,
            InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER);
    /** The priority of a task without a needed-by date (Camunda's default). */
    static final int NORMAL_PRIORITY = 50;
    /** A needed-by date this many days away or more does not raise the priority. */
    static final int URGENT_WITHIN_DAYS = 50;
    /** What the card says of a request that cannot be met in time. */
    static final String AT_RISK_TEXT = "⚠ 赶不上 cannot be met in time";

    private final TaskDeadlines deadlines;
    private final PatronDirectory patrons;
    private final MessageSource messages;
    private final org.illflow.supplier.SupplierCatalog suppliers;
    private final java.time.ZoneId zone;

    TaskCardListener(TaskDeadlines deadlines, PatronDirectory patrons, MessageSource messages,
            org.illflow.supplier.SupplierCatalog suppliers, java.time.Clock clock) {
        this.deadlines = deadlines;
        this.patrons = patrons;
        this.messages = messages;
        this.suppliers = suppliers;
        this.zone = clock.getZone();
    }

    @Override
    public void notify(DelegateTask task) {
        Instant created = task.getCreateTime() == null ? Instant.now() : task.getCreateTime().toInstant();
        TaskDeadlines.Deadline deadline = deadlines.of(task.getTaskDefinitionKey(), created, task);
        task.setDueDate(Date.from(deadline.due()));
        if (deadline.followUp() != null) {
            task.setFollowUpDate(Date.from(deadline.followUp()));
        }
        if (PARTNER_TASKS.contains(task.getTaskDefinitionKey())) {
            // a document delivery has a supplier, a loan a lender, a lending request the library it lends to
            Object partner = task.hasVariable(CardVariables.SUPPLIER_NAME)
                    ? task.getVariable(CardVariables.SUPPLIER_NAME) : task.hasVariable(CardVariables.LENDER_NAME)
                    ? task.getVariable(CardVariables.LENDER_NAME) : task.getVariable(CardVariables.PARTNER_NAME);
            if (partner != null) {
                task.setName(task.getName() + " · " + partner);
            }
        }
        Object card = task.getVariable(CardVariables.PATRON_CARD_NUMBER);
        if (card != null && task.getVariable(CardVariables.PATRON_NAME) == null) {
            patrons.byCardNumber(card.toString()).map(Patron::getName)
                    .ifPresent(name -> task.getExecution().setVariable(CardVariables.PATRON_NAME, name));
        }
        // staff read a label, never a code such as PHD_STUDENT
        Object type = task.getVariable(CardVariables.PATRON_TYPE);
        if (type != null && task.getVariable(CardVariables.PATRON_TYPE_LABEL) == null) {
            task.getExecution().setVariable(CardVariables.PATRON_TYPE_LABEL, label("patronType." + type));
        }
        urgency(task, created, deadline);
        // a copy on the task itself: staff may read their tasks' variables, not every process instance's
        for (String name : CardVariables.ON_CARDS) {
            Object value = task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
    }

    /**
     * The patron's needed-by date: the sooner, the higher the task's priority (the queues sort by priority, then due
     * date): 50 (normal) when there is none or it is {@value #URGENT_WITHIN_DAYS} days or more away, up to 100 when
     * it is today or past. A task due after the end of that day — or an order whose partner's turnaround (working
     * days from the order's due date) ends after it — is flagged on the card ({@link CardVariables#AT_RISK}).
     */
    private void urgency(DelegateTask task, Instant created, TaskDeadlines.Deadline deadline) {
        java.time.LocalDate neededBy = day(task.getVariable(CardVariables.NEEDED_BY));
        if (neededBy == null) {
            return;
        }
        long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(created.atZone(zone).toLocalDate(), neededBy);
        task.setPriority(NORMAL_PRIORITY + (int) Math.max(0, Math.min(NORMAL_PRIORITY,
                URGENT_WITHIN_DAYS - Math.max(0, daysLeft))));
        Instant latest = neededBy.plusDays(1).atStartOfDay(zone).toInstant();
        Instant promised = deadline.due();
        if (ORDER_TASKS.contains(task.getTaskDefinitionKey())) {
            Object partner = task.hasVariable(DocumentDeliveryProcess.VAR_SUPPLIER_CODE)
                    ? task.getVariable(DocumentDeliveryProcess.VAR_SUPPLIER_CODE)
                    : task.getVariable(InterlibraryLoanProcess.VAR_LENDER_CODE);
            int turnaround = partner == null ? 0 : suppliers.byCode(partner.toString())
                    .map(org.illflow.supplier.Supplier::getTurnaroundDays).orElse(0);
            promised = org.illflow.supplier.WorkingDays.after(promised, turnaround, zone);
        }
        if (promised.isAfter(latest)) {
            task.setVariableLocal(CardVariables.AT_RISK, AT_RISK_TEXT);
        }
    }

    static java.time.LocalDate day(Object value) {
        if (value == null || value.toString().length() < 10) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.toString().substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Chinese, then English: "博士研究生 PhD student". */
    private String label(String key) {
        String zh = messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
        String en = messages.getMessage(key, null, key, Locale.ENGLISH);
        return zh.equals(en) ? zh : zh + " " + en;
    }
}
