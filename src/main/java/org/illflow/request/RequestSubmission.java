package org.illflow.request;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import java.util.concurrent.locks.ReentrantLock;

import org.camunda.bpm.engine.RuntimeService;
import org.illflow.patron.Patron;
import org.illflow.system.ApiRefusal;
import org.illflow.system.RequestNumbers;
import org.illflow.system.StaffRefusals;
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
 *
 * <p>The patron's limits (open requests, requests this year) are checked first, and again inside that
 * transaction under a lock on the patron's row ({@link PatronLimits#lockAndCheck}); submissions of one patron on
 * this node also queue on a lock of their own first, so they wait here rather than on the database's lock.
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
    private final PatronLimits limits;
    private final StaffRefusals refusals;
    /** Submissions of one patron on this node one at a time (patrons spread over the stripes by card number). */
    private final ReentrantLock[] perPatron = new ReentrantLock[64];

    RequestSubmission(RequestNumbers numbers, RuntimeService runtimeService, PlatformTransactionManager transactions,
            Clock clock, PatronLimits limits, StaffRefusals refusals) {
        this.numbers = numbers;
        this.runtimeService = runtimeService;
        this.inTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.limits = limits;
        this.refusals = refusals;
        for (int i = 0; i < perPatron.length; i++) {
            perPatron[i] = new ReentrantLock(true);
        }
    }

    /**
     * @param start the process and its start variables for the recorded request; returns the instance id to
     *              attach to the record
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public <R extends RequestRecord> R submit(String prefix, Patron patron, Recorder<R> recorder,
            java.util.function.BiConsumer<R, String> attach, String processKey,
            java.util.function.Function<R, Map<String, Object>> startVariables) {
        limits.check(patron); // refused at once, without taking a number
        ReentrantLock lock = perPatron[Math.floorMod(patron.getCardNumber().hashCode(), perPatron.length)];
        lock.lock();
        try {
            Instant now = clock.instant();
            String number = numbers.next(prefix, now);
            return inTransaction.execute(status -> {
                limits.lockAndCheck(patron);
                R request = recorder.record(number, now);
                String instanceId = runtimeService.startProcessInstanceByKey(processKey, number,
                        startVariables.apply(request)).getId();
                attach.accept(request, instanceId);
                return request;
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * The number for a request staff enter from Tasklist's start form for this patron (inside the engine's
     * transaction), after the patron's limits, counted under the lock on the patron's row. Over a limit the start
     * fails with the reason, in Chinese and English, which Tasklist shows.
     */
    public Numbered numberForStaffEntry(String prefix, Patron patron) {
        try {
            limits.lockAndCheck(patron);
        } catch (ApiRefusal refused) {
            throw new IllegalArgumentException(refusals.bilingual(refused.getMessageKey(), refused.getArguments()),
                    refused);
        }
        Instant now = clock.instant();
        return new Numbered(numbers.next(prefix, now), now);
    }

    /** A request number and the moment it was given. */
    public record Numbered(String number, Instant at) {
    }
}
