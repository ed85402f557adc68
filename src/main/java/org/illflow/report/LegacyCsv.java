package org.illflow.report;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Strict UTF-8 or GB18030 and RFC 4180 CSV for the legacy import: each record with the line it starts on. */
final class LegacyCsv {

    record Record(int line, List<String> fields) {
    }

    /** The text of a file and the encoding it was read in ({@code UTF-8} or {@code GB18030}). */
    record Decoded(String text, String encoding) {
    }

    /**
     * Thrown for a file that is neither UTF-8 nor GB18030; {@code line} is where the first bad byte sits in the
     * reading that got further (so a UTF-8 file with one stray byte names that byte's line).
     */
    static final class UnreadableEncodingException extends Exception {
        final int line;

        UnreadableEncodingException(int line) {
            super("neither UTF-8 nor GB18030 at line " + line);
            this.line = line;
        }
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private LegacyCsv() {
    }

    /**
     * Reads UTF-8 (a BOM is dropped) or else GB18030, which is what Excel on Chinese Windows writes as "CSV"
     * (GB18030 contains GBK and GB2312). Both are decoded strictly, so a Latin-1 file or a binary fails here
     * rather than turning into mojibake. UTF-8 is tried first: Chinese text in GB18030 is almost never valid
     * UTF-8, while the reverse does not hold.
     */
    static Decoded decode(byte[] content) throws UnreadableEncodingException {
        int utf8Failure = firstBadByte(content, StandardCharsets.UTF_8);
        if (utf8Failure < 0) {
            String text = new String(content, StandardCharsets.UTF_8);
            return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, "UTF-8");
        }
        int gbFailure = firstBadByte(content, GB18030);
        if (gbFailure < 0) {
            return new Decoded(new String(content, GB18030), "GB18030");
        }
        throw new UnreadableEncodingException(lineOf(content, Math.max(utf8Failure, gbFailure)));
    }

    /** The offset of the first byte the charset cannot decode, or -1 when the whole content decodes. */
    private static int firstBadByte(byte[] content, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        result = decoder.flush(out);
        return result.isError() ? in.position() : -1;
    }

    private static int lineOf(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
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
