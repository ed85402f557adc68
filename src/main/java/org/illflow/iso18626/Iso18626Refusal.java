package org.illflow.iso18626;

import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.MessageType;

/**
 * A message illflow does not accept, with the ISO 18626 error type and a short English text for
 * {@code errorValue}. It carries what could be read of the message before the problem was found (its type,
 * version and header ids, any of them possibly null) so the confirmation can answer the right message type and
 * echo its ids. The text never contains the message's security code.
 */
public class Iso18626Refusal extends Exception {

    private final transient ErrorType errorType;
    private final transient MessageType messageType;
    private final transient Iso18626Version version;
    private final transient Echo echo;

    /** What a confirmation echoes of the message it answers. */
    public record Echo(AgencyId supplyingAgencyId, AgencyId requestingAgencyId, String requestingAgencyRequestId) {
        public static final Echo NONE = new Echo(null, null, null);
    }

    public Iso18626Refusal(ErrorType errorType, String detail, MessageType messageType, Iso18626Version version,
            Echo echo) {
        super(detail, null, false, false);
        this.errorType = errorType;
        this.messageType = messageType;
        this.version = version;
        this.echo = echo == null ? Echo.NONE : echo;
    }

    public ErrorType errorType() {
        return errorType;
    }

    public String detail() {
        return getMessage();
    }

    /** The type of the refused message, or null when it could not be told (not XML, not ISO 18626). */
    public MessageType messageType() {
        return messageType;
    }

    /** The version the message declared, or null when it declared none that illflow knows. */
    public Iso18626Version version() {
        return version;
    }

    public Echo echo() {
        return echo;
    }
}
