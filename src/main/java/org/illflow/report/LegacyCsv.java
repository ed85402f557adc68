package org.illflow.report;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Strict UTF-8 and RFC 4180 CSV for the legacy import: each record with the line it starts on. */
final class LegacyCsv {

    record Record(int line, List<String> fields) {
    }

    /** Thrown for a file that is not UTF-8; {@code line} is where the first invalid byte sits. */
    static final class NotUtf8Exception extends Exception {
        final int line;

        NotUtf8Exception(int line) {
            super("not UTF-8 at line " + line);
            this.line = line;
        }
    }

    private LegacyCsv() {
    }

    /** Decodes strictly (a GBK or Latin-1 file fails here rather than turning into mojibake); drops a BOM. */
    static String decode(byte[] content) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8Exception(line);
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
