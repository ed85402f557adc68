package org.illflow.archive;

/**
 * What a download link gives the person who follows it. {@link Outcome#NOT_FOUND} covers both an unknown token
 * and someone else's link, so a link never reveals that it exists to anyone but its patron and staff.
 *
 * @param document      the archived document when {@link Outcome#FOUND}, otherwise null
 * @param requestNumber the request the link was issued for when {@link Outcome#FOUND}, otherwise null
 */
public record LinkResolution(Outcome outcome, ArchivedDocument document, String requestNumber) {

    public enum Outcome {
        FOUND,
        /** No such link, or not this user's. */
        NOT_FOUND,
        /** The link was this user's (or the user is staff) but has expired. */
        GONE
    }

    static LinkResolution found(ArchivedDocument document, String requestNumber) {
        return new LinkResolution(Outcome.FOUND, document, requestNumber);
    }

    static LinkResolution notFound() {
        return new LinkResolution(Outcome.NOT_FOUND, null, null);
    }

    static LinkResolution gone() {
        return new LinkResolution(Outcome.GONE, null, null);
    }

    public boolean isFound() {
        return outcome == Outcome.FOUND;
    }
}
