package org.illflow.request;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.illflow.system.RequestNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a patron's request enters its lifecycle, document delivery or loan: a number of its own first (in a short
 * transaction of its own, see RequestNumbers), then the record, its first timeline line and its process instance
 * in one transaction, which commits at the process's save point (the patron verified). The caller's answer
 * comes right after; the checks run as a job.
 */
@Service
public class RequestSubmission {

    /** Creates the record (and its SUBMITTED line) under the allocated number, inside the transaction. */
    @FunctionalInterface
    public interface Recorder<R extends RequestRecord> {
        R record(String number, Instant submittedAt);
    }

    private final RequestNumbers numbers;
    private final RuntimeService runtimeService;
    private final TransactionTemplate inTransaction;
    private final Clock clock;

    RequestSubmission(RequestNumbers numbers, RuntimeService runtimeService, PlatformTransactionManager transactions,
            Clock clock) {
        this.numbers = numbers;
        this.runtimeService = runtimeService;
        this.inTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * @param start the process and its start variables for the recorded request; returns the instance id to
     *              attach to the record
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public <R extends RequestRecord> R submit(String prefix, Recorder<R> recorder,
            java.util.function.BiConsumer<R, String> attach, String processKey,
            java.util.function.Function<R, Map<String, Object>> startVariables) {
        Instant now = clock.instant();
        String number = numbers.next(prefix, now);
        return inTransaction.execute(status -> {
            R request = recorder.record(number, now);
            String instanceId = runtimeService.startProcessInstanceByKey(processKey, number,
                    startVariables.apply(request)).getId();
            attach.accept(request, instanceId);
            return request;
        });
    }

    /** The number for a request staff enter from Tasklist's start form (inside the engine's transaction). */
    public Numbered numberForStaffEntry(String prefix) {
        Instant now = clock.instant();
        return new Numbered(numbers.next(prefix, now), now);
    }

    /** A request number and the moment it was given. */
    public record Numbered(String number, Instant at) {
    }
}
