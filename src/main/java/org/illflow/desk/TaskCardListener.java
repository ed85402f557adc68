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
            InterlibraryLoanProcess.TASK_ASK_LENDER_FOR_RENEWAL, InterlibraryLoanProcess.TASK_RETURN_TO_LENDER);

    private final TaskDeadlines deadlines;
    private final PatronDirectory patrons;
    private final MessageSource messages;

    TaskCardListener(TaskDeadlines deadlines, PatronDirectory patrons, MessageSource messages) {
        this.deadlines = deadlines;
        this.patrons = patrons;
        this.messages = messages;
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
            // a document delivery has a supplier, a loan a lender
            Object partner = task.hasVariable(CardVariables.SUPPLIER_NAME)
                    ? task.getVariable(CardVariables.SUPPLIER_NAME) : task.getVariable(CardVariables.LENDER_NAME);
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
        // a copy on the task itself: staff may read their tasks' variables, not every process instance's
        for (String name : CardVariables.ON_CARDS) {
            Object value = task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
    }

    /** Chinese, then English: "博士研究生 PhD student". */
    private String label(String key) {
        String zh = messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
        String en = messages.getMessage(key, null, key, Locale.ENGLISH);
        return zh.equals(en) ? zh : zh + " " + en;
    }
}
