package org.illflow.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.illflow.request.RequestRecord;
import org.illflow.request.TimelineEntry;
import org.springframework.ui.Model;

/**
 * The moments between a patron's submission and its first status change. The patron's call returns as soon as
 * the request is stored; the archive and holdings checks and the supplier ranking follow a moment later as a job.
 * While nothing but the submission is on the timeline the request page says so and reloads itself every few
 * seconds, for a few minutes at most (a check that keeps failing becomes an incident for staff, and the page
 * stops reloading and asks the patron to look again later).
 */
final class FirstChecks {

    static final int RELOAD_SECONDS = 3;
    static final Duration RELOAD_FOR = Duration.ofMinutes(5);

    private FirstChecks() {
    }

    /** Adds {@code checking} (the first checks have not run yet) and {@code autoRefresh} (seconds, or none). */
    static void describe(Model model, RequestRecord request, List<? extends TimelineEntry> timeline, Clock clock) {
        boolean checking = request.awaitsFirstChecks(timeline);
        Instant submittedAt = request.getSubmittedAt();
        boolean recent = submittedAt != null && submittedAt.plus(RELOAD_FOR).isAfter(clock.instant());
        model.addAttribute("checking", checking);
        model.addAttribute("checkingLong", checking && !recent);
        if (checking && recent) {
            model.addAttribute("autoRefresh", RELOAD_SECONDS);
        }
    }
}
