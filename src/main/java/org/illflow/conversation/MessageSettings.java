package org.illflow.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * illflow.messages.*: how long a message may be and where the staff side of a conversation is mailed when no
 * staff member holds the request's open task.
 */
@Component
@ConfigurationProperties("illflow.messages")
public class MessageSettings {

    /** Longest message in characters (after trimming); a longer one is refused, not cut. */
    private int maxLength = 2000;
    /** The document delivery desk's shared mailbox; empty: every dd-staff member with an e-mail address. */
    private String ddMailbox = "";
    /** The inter-library loan desk's shared mailbox; empty: every ill-staff member with an e-mail address. */
    private String illMailbox = "";

    public int getMaxLength() {
        return maxLength;
    }

    public void setMaxLength(int maxLength) {
        if (maxLength < 1 || maxLength > 2000) {
            throw new IllegalArgumentException("illflow.messages.max-length must be 1 to 2000 (the column's size)");
        }
        this.maxLength = maxLength;
    }

    public String getDdMailbox() {
        return ddMailbox;
    }

    public void setDdMailbox(String ddMailbox) {
        this.ddMailbox = ddMailbox == null ? "" : ddMailbox.strip();
    }

    public String getIllMailbox() {
        return illMailbox;
    }

    public void setIllMailbox(String illMailbox) {
        this.illMailbox = illMailbox == null ? "" : illMailbox.strip();
    }

    String mailboxOf(RequestRef request) {
        return request.isLoan() ? illMailbox : ddMailbox;
    }
}
