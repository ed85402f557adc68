package org.illflow.iso18626;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.illflow.iso18626.Iso18626.AgencyId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The {@code illflow.iso18626.*} settings: this library's own agency id (what partners put in their messages to
 * it, and it in its own), the largest message the endpoint reads, and how the outbox sends and retries.
 */
@Component
public class Iso18626Settings {

    private final AgencyId agencyId;
    private final DataSize maxMessageSize;
    private final List<Duration> retryIntervals;
    private final Duration connectTimeout;
    private final Duration sendTimeout;
    private final Duration claimFor;

    Iso18626Settings(@Value("${illflow.iso18626.agency-id-type:ISIL}") String agencyIdType,
            @Value("${illflow.iso18626.agency-id-value}") String agencyIdValue,
            @Value("${illflow.iso18626.max-message-size:1MB}") DataSize maxMessageSize,
            @Value("${illflow.iso18626.retry-intervals}") String retryIntervals,
            @Value("${illflow.iso18626.connect-timeout:PT10S}") Duration connectTimeout,
            @Value("${illflow.iso18626.send-timeout:PT30S}") Duration sendTimeout) {
        if (agencyIdType.isBlank() || agencyIdValue.isBlank()) {
            throw new IllegalStateException("illflow.iso18626.agency-id-type and agency-id-value must be set");
        }
        this.agencyId = new AgencyId(agencyIdType.strip(), agencyIdValue.strip());
        this.maxMessageSize = maxMessageSize;
        this.retryIntervals = Arrays.stream(retryIntervals.split(",")).map(String::strip).map(Duration::parse).toList();
        if (this.retryIntervals.isEmpty() || this.retryIntervals.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalStateException("illflow.iso18626.retry-intervals needs positive durations");
        }
        this.connectTimeout = connectTimeout;
        this.sendTimeout = sendTimeout;
        // a sender that died holding a message releases it after this: longer than one attempt can take
        this.claimFor = connectTimeout.plus(sendTimeout).multipliedBy(2);
    }

    /** This library's agency id. */
    public AgencyId agencyId() {
        return agencyId;
    }

    public long maxMessageBytes() {
        return maxMessageSize.toBytes();
    }

    public DataSize maxMessageSize() {
        return maxMessageSize;
    }

    /** The wait before the 2nd, 3rd … attempt; after the last the message is given up (FAILED). */
    public List<Duration> retryIntervals() {
        return retryIntervals;
    }

    /** How long the outbox keeps trying a message (the sum of the intervals). */
    public Duration retrySpan() {
        return retryIntervals.stream().reduce(Duration.ZERO, Duration::plus);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration sendTimeout() {
        return sendTimeout;
    }

    Duration claimFor() {
        return claimFor;
    }
}
