package org.illflow.borrowing;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_PARTNER_HAS_BOOK;
import static org.illflow.loan.InterlibraryLoanProcess.VAR_RETURN_CHECK_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.loan.InterlibraryLoan;
import org.illflow.system.ProcessVariables;
import org.illflow.system.StaffRefusals;
import org.springframework.stereotype.Component;

/**
 * On completing Task_CheckReturnWithPartner: only when staff confirm the partner has the book back and say how they
 * learnt it; the note goes on the timeline and the request ends.
 */
@Component("borrowingReturnChecked")
class ReturnCheckedListener implements TaskListener {

    static final int MAX_NOTE = 500;

    private final InterlibraryLoan loan;
    private final StaffRefusals refusals;

    ReturnCheckedListener(InterlibraryLoan loan, StaffRefusals refusals) {
        this.loan = loan;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String note = ProcessVariables.string(task, VAR_RETURN_CHECK_NOTE);
        if (!Boolean.TRUE.equals(ProcessVariables.bool(task, VAR_PARTNER_HAS_BOOK))) {
            throw refusals.refuseField(VAR_PARTNER_HAS_BOOK, "borrowing.partnerHasBook",
                    "borrowing.partnerHasBook.required");
        }
        if (note == null || note.isBlank() || note.length() > MAX_NOTE) {
            throw refusals.refuseField(VAR_RETURN_CHECK_NOTE, "borrowing.returnCheckNote",
                    "borrowing.returnCheckNote.required", MAX_NOTE);
        }
        loan.recordPartnerEvent(LoanSteps.requestId(task), ProcessVariables.actor(task), "PARTNER_RETURN_CHECKED",
                note.strip(), LoanSteps.lenderCode(task));
    }
}
