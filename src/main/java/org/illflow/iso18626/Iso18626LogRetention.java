package org.illflow.iso18626;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a night, deletes the refused messages of unknown senders older than {@code illflow.iso18626.refused-retention}
 * (30 days): anyone can send to the endpoint, and what strangers sent is worth keeping only long enough to look
 * into it. Messages of registered partners, refused or not, stay in the log with their requests. Several nodes may
 * run it at the same time: the delete is the same on each.
 */
@Component
class Iso18626LogRetention {

    private static final Logger LOG = LoggerFactory.getLogger(Iso18626LogRetention.class);

    private final Iso18626MessageLog log;
    private final Duration retention;
    private final Clock clock;

    Iso18626LogRetention(Iso18626MessageLog log, @Value("${illflow.iso18626.refused-retention:P30D}") Duration retention,
            Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("illflow.iso18626.refused-retention must be positive");
        }
        this.log = log;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(cron = "${illflow.iso18626.refused-cleanup-cron:0 40 3 * * *}")
    void cleanUp() {
        int deleted = forgetOld();
        if (deleted > 0) {
            LOG.info("ISO 18626: {} refused messages of unknown senders older than {} deleted from the log", deleted,
                    retention);
        }
    }

    /** Deletes what is older than the retention; returns how many rows. */
    int forgetOld() {
        return log.forgetRefusedFromUnknownSenders(clock.instant().minus(retention));
    }
}
