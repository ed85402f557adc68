package org.illflow.borrowing;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_PARTNER_HAS_BOOK;
import static org.illflow.loan.InterlibraryLoanProcess.VAR_RETURN_CHECK_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.loan.InterlibraryLoan;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_CheckReturnWithPartner: only when staff confirm the partner has the book back and say how they
 * learnt it; the note goes on the timeline and the request ends.
 */
@Component("borrowingReturnChecked")
class ReturnCheckedListener implements TaskListener {

    static final int MAX_NOTE = 500;

    private final InterlibraryLoan loan;

    ReturnCheckedListener(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void notify(DelegateTask task) {
        String note = ProcessVariables.string(task, VAR_RETURN_CHECK_NOTE);
        if (!Boolean.TRUE.equals(ProcessVariables.bool(task, VAR_PARTNER_HAS_BOOK))) {
            throw new IllegalArgumentException("Tick the box once the partner has the book back. / 对方确认收到后请勾选。");
        }
        if (note == null || note.isBlank() || note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("Say how the partner confirmed it (at most " + MAX_NOTE
                    + " characters). / 请注明核实方式（不超过 " + MAX_NOTE + " 字）。");
        }
        loan.recordPartnerEvent(LoanSteps.requestId(task), ProcessVariables.actor(task), "PARTNER_RETURN_CHECKED",
                note.strip(), LoanSteps.lenderCode(task));
    }
}
