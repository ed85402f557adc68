package org.illflow.system;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Request numbers staff can say on the phone and find in Tasklist and Cockpit: {@code DD-2026-000123},
 * {@code ILL-2026-000045}. One counter per prefix and year, incremented under the row lock of the caller's
 * transaction, so two requests never get the same number and a rolled-back request leaves no gap.
 */
@Service
public class RequestNumbers {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RequestNumbers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String prefix) {
        int year = LocalDate.now(clock).getYear();
        int updated = jdbc.update("update request_number_counter set last_number = last_number + 1 "
                + "where prefix = ? and counter_year = ?", prefix, year);
        if (updated == 0) {
            try {
                jdbc.update("insert into request_number_counter (prefix, counter_year, last_number) values (?, ?, 1)",
                        prefix, year);
            } catch (DuplicateKeyException raced) {
                jdbc.update("update request_number_counter set last_number = last_number + 1 "
                        + "where prefix = ? and counter_year = ?", prefix, year);
            }
        }
        Integer number = jdbc.queryForObject("select last_number from request_number_counter "
                + "where prefix = ? and counter_year = ?", Integer.class, prefix, year);
        return String.format("%s-%d-%06d", prefix, year, number);
    }
}
