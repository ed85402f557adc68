package org.illflow.borrowing;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code requestingAgencyRequestId}s this library gives the requests it sends to partners: the request's own
 * number ({@code ILL-2026-000042}, {@code DD-2026-000042}); when the same partner is asked again for the same
 * request (a Retry after RetryPossible), the number with {@code -R2}, {@code -R3} …, because a partner refuses a
 * request id it has seen before.
 */
final class PartnerRequestIds {

    private static final Pattern ID = Pattern.compile("^((ILL|DD)-\\d{4}-\\d{6,})(?:-R(\\d{1,3}))?$");

    private PartnerRequestIds() {
    }

    /** The first id of the request to this partner that is not in use ({@code inUse} says which are). */
    static String next(String requestNumber, Predicate<String> inUse) {
        if (!inUse.test(requestNumber)) {
            return requestNumber;
        }
        for (int attempt = 2; attempt < 1000; attempt++) {
            String id = requestNumber + "-R" + attempt;
            if (!inUse.test(id)) {
                return id;
            }
        }
        throw new IllegalStateException("request " + requestNumber + " was sent to this partner 999 times");
    }

    /** The request number an id stands for, or empty when it is not one of ours. */
    static Optional<String> requestNumber(String requestingAgencyRequestId) {
        Matcher m = ID.matcher(requestingAgencyRequestId == null ? "" : requestingAgencyRequestId);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** ILL or DD, for an id of ours. */
    static Optional<String> service(String requestingAgencyRequestId) {
        Matcher m = ID.matcher(requestingAgencyRequestId == null ? "" : requestingAgencyRequestId);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
