package org.illflow.archive;

import java.util.List;

/**
 * A file the archive refuses: empty, too large, not a readable PDF. Carries the message key (and its arguments)
 * the portal or a staff task shows; nothing has been stored when it is thrown.
 */
public class UnacceptableFileException extends RuntimeException {

    public static final String EMPTY = "archive.file.empty";
    public static final String TOO_LARGE = "archive.file.tooLarge";
    public static final String NOT_PDF = "archive.file.notPdf";
    public static final String PASSWORD_PROTECTED = "archive.file.passwordProtected";

    private final String messageKey;
    private final List<Object> arguments;

    UnacceptableFileException(String messageKey, String detail, Object... arguments) {
        super(messageKey + (detail == null ? "" : ": " + detail));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String getMessageKey() {
        return messageKey;
    }

    /** For the message: the size limit for {@link #TOO_LARGE}, nothing otherwise. */
    public Object[] getArguments() {
        return arguments.toArray();
    }
}
