package org.illflow.request;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * One line of a request's timeline, document delivery or loan alike: when, who (a patron, a staff member, or
 * {@link #SYSTEM} for the platform's own steps), what happened and a short detail. Never changed once written.
 * Each service keeps its own table and adds the partner and the amount in its own words.
 */
@MappedSuperclass
public abstract class TimelineEntry {

    /** The actor of the platform's own steps (checks, ranking, timers). */
    public static final String SYSTEM = "illflow";

    private static final int DETAIL_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 30)
    private String event;

    @Column(length = DETAIL_LENGTH)
    private String detail;

    protected TimelineEntry() {
    }

    /** A line by {@code actor}, or by the platform when the actor is unknown. */
    protected TimelineEntry(Long requestId, Instant occurredAt, String actor, String event, String detail) {
        this.requestId = requestId;
        this.occurredAt = occurredAt;
        this.actor = actor == null ? SYSTEM : actor;
        this.event = event;
        this.detail = detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH);
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getEvent() {
        return event;
    }

    public String getDetail() {
        return detail;
    }
}
