package org.illflow.system;

import java.util.Optional;

import org.springframework.web.multipart.MultipartFile;

/**
 * The name of an uploaded file as the imports keep it (it identifies what a later upload of the same name
 * replaces). A name longer than the column that keeps it, or with control characters (a line break in a log or
 * a page, a NUL), is refused with a reason the uploader can act on: renaming the file. Not shortened or cleaned
 * silently, since two different long names would then replace each other's rows.
 */
public final class UploadedFileName {

    public static final int MAX_LENGTH = 200;

    private UploadedFileName() {
    }

    /** The file name as sent, stripped of surrounding blanks; {@code upload} when the browser sent none. */
    public static String of(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "upload" : name.strip();
    }

    /** The message key saying what is wrong with the name, or empty when it is acceptable. */
    public static Optional<String> problem(String name) {
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return Optional.of("upload.fileName.tooLong");
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            return Optional.of("upload.fileName.control");
        }
        return Optional.empty();
    }
}
