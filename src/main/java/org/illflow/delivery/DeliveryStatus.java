package org.illflow.delivery;

/** The status of a document delivery request, as the patron sees it. */
public enum DeliveryStatus {
    SUBMITTED,
    /** Answered at once with a copy already in the library's archive. */
    FROM_ARCHIVE,
    /** The library holds it (e-journal or print); the patron was told where. */
    HELD_LOCALLY,
    /** Ordered from a supplier (which one is on the request). */
    ORDERED,
    DELIVERED,
    UNFILLED,
    CANCELLED,
    /** The patron may not use the service (account not active). */
    REJECTED;

    /** The patron may still cancel: nothing has been delivered and the request is not closed. */
    public boolean cancellable() {
        return this == SUBMITTED || this == HELD_LOCALLY || this == ORDERED;
    }

    public boolean closed() {
        return !cancellable();
    }

    /** The statuses of requests still in progress. */
    public static java.util.List<DeliveryStatus> open() {
        return java.util.Arrays.stream(values()).filter(s -> !s.closed()).toList();
    }
}
