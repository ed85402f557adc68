package org.illflow.lending;

import static org.illflow.lending.LendingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ScanAndSend: the scan is attached (uploaded through the task's form, checked to be a PDF
 * within the archive's limit) and belongs to this request; it is confirmed in the archive. Not while the partner's
 * cancellation waits for an answer.
 */
@Component("lendingCopyDecision")
class CopyDecisionListener implements TaskListener {

    private final LendingCopies copies;

    CopyDecisionListener(LendingCopies copies) {
        this.copies = copies;
    }

    @Override
    public void notify(DelegateTask task) {
        CancelDecisionListener.requireNoCancelPending(task);
        Object documentId = task.getVariable(VAR_DOCUMENT_ID);
        long lendingId = ((Number) task.getVariable(VAR_LENDING_ID)).longValue();
        if (!(documentId instanceof Number id) || !copies.attachedTo(lendingId, id.longValue())) {
            throw new IllegalArgumentException("Attach the scanned PDF first. / 请先上传扫描的 PDF。");
        }
        copies.confirm(lendingId, id.longValue(), ProcessVariables.actor(task));
    }
}
