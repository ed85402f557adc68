package org.illflow.support;

import jakarta.mail.internet.MimeMessage;

/** Reads what a patron would read in a mail. */
public final class MailText {

    private MailText() {
    }

    /** The "request received" mail every recorded request gets once (its own tests look at it). */
    public static boolean isReceipt(MimeMessage message) {
        String subject = subject(message);
        return subject.startsWith("我们已收到您的申请") || subject.startsWith("We have received your request");
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String to(MimeMessage message) {
        try {
            return message.getHeader("To", ", ");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
