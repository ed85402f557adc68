package org.illflow.report;

import java.util.ArrayList;
import java.util.List;

import org.illflow.system.TextEncoding;

/** Strict UTF-8 or GB18030 and RFC 4180 CSV for the legacy import: each record with the line it starts on. */
final class LegacyCsv {

    record Record(int line, List<String> fields) {
    }

    /** The text of a file and the encoding it was read in ({@code UTF-8} or {@code GB18030}). */
    record Decoded(String text, String encoding) {
    }

    /** Thrown for a file that is neither UTF-8 nor GB18030, with the line of the first bad byte. */
    static final class UnreadableEncodingException extends Exception {
        final int line;

        UnreadableEncodingException(int line) {
            super("neither UTF-8 nor GB18030 at line " + line);
            this.line = line;
        }
    }

    private LegacyCsv() {
    }

    /** UTF-8 (with or without BOM) or GB18030, as {@link TextEncoding} reads them. */
    static Decoded decode(byte[] content) throws UnreadableEncodingException {
        try {
            TextEncoding.Decoded decoded = TextEncoding.decodeUtf8OrGb18030(content);
            return new Decoded(decoded.text(), decoded.encoding());
        } catch (TextEncoding.UnreadableException e) {
            throw new UnreadableEncodingException(e.line());
        }
    }

    /** Splits into records; blank lines are skipped. A quote left open runs to the end of the file. */
    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    records.add(new Record(start, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                start = line;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            records.add(new Record(start, List.copyOf(fields)));
        }
        return records;
    }
}
