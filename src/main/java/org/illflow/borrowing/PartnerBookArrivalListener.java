package org.illflow.borrowing;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_PARTNER_BOOK_ARRIVED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** On completing Task_ReceivePartnerBook: only when staff confirm the partner's book is here. */
@Component("borrowingPartnerBookArrival")
class PartnerBookArrivalListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(ProcessVariables.bool(task, VAR_PARTNER_BOOK_ARRIVED))) {
            throw new IllegalArgumentException("Tick the box when the book is here. / 图书到馆后请勾选确认。");
        }
    }
}
