package org.illflow.delivery;

import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row locks per article key ({@code article_lock}), held until the current transaction ends, so the check before
 * ordering and the release of waiting requests never run side by side for one article — on H2 and on PostgreSQL,
 * on one node or several. Different articles never wait for each other. Keys are locked in sorted order, so two
 * transactions locking overlapping keys cannot deadlock.
 */
@Component
class ArticleLocks {

    /** H2 gives up on a row lock after its lock timeout; the check is short, so try again a few times. */
    private static final int ATTEMPTS = 30;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;

    ArticleLocks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Locks every key (sorted) until the surrounding transaction commits or rolls back. */
    void lock(List<String> sortedKeys) {
        for (String key : sortedKeys) {
            if (!lockRow(key)) {
                create(key);
                if (!lockRow(key)) {
                    throw new IllegalStateException("article lock " + key + " could not be created");
                }
            }
        }
    }

    private boolean lockRow(String key) {
        for (int attempt = 1; ; attempt++) {
            try {
                return !jdbc.queryForList("select lock_key from article_lock where lock_key = ? for update",
                        String.class, key).isEmpty();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Inserted in a transaction of its own, so the row exists for everyone at once; a concurrent insert wins. */
    private void create(String key) {
        try {
            separately.executeWithoutResult(status -> jdbc.update("insert into article_lock (lock_key) values (?)",
                    key));
        } catch (DataAccessException alreadyThere) {
            // another request created it first: lock it as it is
        }
    }
}
