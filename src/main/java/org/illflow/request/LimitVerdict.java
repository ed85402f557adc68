package org.illflow.request;

import java.util.ArrayList;
import java.util.List;

/**
 * What the check before ordering or borrowing found: within every limit, or over one or more (the reasons), and
 * whether a limit over which the library refuses is among them (a refusal wins over asking an admin).
 */
public record LimitVerdict(List<String> reasons, boolean refuse) {

    /** The process variable's values (limitsOutcome) for the gateway after the check. */
    public static final String WITHIN = "within";
    public static final String NEEDS_APPROVAL = "approval";
    public static final String REFUSED = "refuse";

    public LimitVerdict {
        reasons = List.copyOf(reasons);
    }

    public static LimitVerdict within() {
        return new LimitVerdict(List.of(), false);
    }

    /** This verdict and one more limit the request is over. */
    public LimitVerdict and(String reason, OverLimit whenOver) {
        List<String> all = new ArrayList<>(reasons);
        all.add(reason);
        return new LimitVerdict(all, refuse || whenOver == OverLimit.REFUSE);
    }

    public String outcome() {
        return reasons.isEmpty() ? WITHIN : refuse ? REFUSED : NEEDS_APPROVAL;
    }

    /** The reasons for the admin's task, the timeline and the patron's notice; null when within. */
    public String reason() {
        return reasons.isEmpty() ? null : String.join("；", reasons);
    }
}
