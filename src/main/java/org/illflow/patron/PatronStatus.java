package org.illflow.patron;

public enum PatronStatus {
    /** Registered, waiting for staff review: may log in, may not request. */
    PENDING,
    ACTIVE,
    REJECTED,
    SUSPENDED
}
