package org.illflow.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Request numbers staff can say on the phone and find in Tasklist and Cockpit: {@code DD-2026-000123},
 * {@code ILL-2026-000045}. One counter row per prefix and year, counting from 1 each year (the year of the
 * platform's clock in the library's time zone).
 * <p>
 * The counter is moved in a short transaction of its own, committed before the number is used: two requests
 * never get the same number, and a submission waits for another only while that one moves the counter (a few
 * milliseconds), never while its process runs. The price is that a request whose own transaction is rolled
 * back after it got its number leaves a gap in the year's numbers. The first number of a year inserts the row;
 * when two submissions race to insert it, or the database reports a lock conflict, the loser's transaction is
 * rolled back (on PostgreSQL a failed statement aborts the whole transaction, so it is never continued) and the
 * allocation starts again in a new one.
 * <p>
 * Callers allocate before their own transaction begins (the patron's submission does), so the allocation takes
 * the only database connection the thread holds. Called inside a transaction (a staff start form runs in the
 * engine's), it suspends that one and briefly needs a second connection from the pool.
 */
@Service
public class RequestNumbers {

    private static final Logger LOG = LoggerFactory.getLogger(RequestNumbers.class);
    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,5}");
    private static final int ATTEMPTS = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    RequestNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /** The next number of this prefix in the current year of the platform's clock. */
    public String next(String prefix) {
        return next(prefix, clock.instant());
    }

    /** The next number of this prefix in the year {@code at} falls in, in the library's time zone. */
    public String next(String prefix, Instant at) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a request number prefix is 1 to 5 capital letters: " + prefix);
        }
        int year = LocalDate.ofInstant(at, clock.getZone()).getYear();
        for (int attempt = 1; ; attempt++) {
            try {
                int number = ownTransaction.execute(status -> increment(prefix, year));
                return String.format("%s-%d-%06d", prefix, year, number);
            } catch (DuplicateKeyException | TransientDataAccessException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
                LOG.debug("request number {}-{}: attempt {} lost a race, trying again", prefix, year, attempt, raced);
                pause(attempt);
            }
        }
    }

    private int increment(String prefix, int year) throws DataAccessException {
        int updated = jdbc.update("update request_number_counter set last_number = last_number + 1 "
                + "where prefix = ? and counter_year = ?", prefix, year);
        if (updated == 0) {
            jdbc.update("insert into request_number_counter (prefix, counter_year, last_number) values (?, ?, 1)",
                    prefix, year);
            return 1;
        }
        return jdbc.queryForObject("select last_number from request_number_counter "
                + "where prefix = ? and counter_year = ?", Integer.class, prefix, year);
    }

    /** A few milliseconds, growing and jittered, so racing allocations do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while allocating a request number", e);
        }
    }
}
