package org.illflow.request;

import java.util.function.Supplier;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.illflow.system.ApiRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patron (or staff for them) cancels a request, document delivery or loan: only while its status allows it and
 * its lifecycle runs. Too late (delivered or lent, ended, or another cancel got there first) is refused with 409
 * and never reaches the caller as an engine error. No transaction of its own: the engine's message correlation
 * is the transaction, so a lost race rolls back only that; a race with a job of the same request is tried again.
 */
@Service
public class RequestCancellation {

    static final String CLOSED = "request.cancel.closed";
    private static final int ATTEMPTS = 3;

    private final RuntimeService runtimeService;

    RequestCancellation(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * @param current     reads the request as it is now (404 for someone else's), once per attempt
     * @param message     the process's cancel message
     * @param cancelledBy the process variable that names who cancelled
     * @param tooLateKey  the message key of the service's "can no longer be cancelled" reason
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void cancel(Supplier<? extends RequestRecord> current, String message, String cancelledBy, String userId,
            String tooLateKey) {
        for (int attempt = 1; ; attempt++) {
            RequestRecord request = current.get();
            if (!request.statusAllowsCancel()) {
                throw new ApiRefusal(409, tooLateKey,
                        "The request is " + request.statusName() + " and can no longer be cancelled.");
            }
            if (request.getClosedAt() != null) {
                throw ended();
            }
            try {
                runtimeService.createMessageCorrelation(message)
                        .processInstanceBusinessKey(request.getRequestNumber())
                        .setVariable(cancelledBy, userId).correlateWithResult();
                return;
            } catch (MismatchingMessageCorrelationException gone) {
                throw ended();
            } catch (OptimisticLockingException raced) {
                if (attempt == ATTEMPTS) {
                    throw ended();
                }
            }
        }
    }

    private static ApiRefusal ended() {
        return new ApiRefusal(409, CLOSED, "This request has ended and can no longer be cancelled.");
    }
}
