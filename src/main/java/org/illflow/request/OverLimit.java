package org.illflow.request;

/** What happens to a request over a limit that allows exceptions (copyright limit, yearly budget): a setting. */
public enum OverLimit {
    /** An admin decides on a task (审批). */
    APPROVAL,
    /** The request is refused with the reason. */
    REFUSE
}
