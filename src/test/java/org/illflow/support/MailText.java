package org.illflow.support;

import jakarta.mail.internet.MimeMessage;

/** Reads what a patron would read in a mail. */
public final class MailText {

    private MailText() {
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
