package org.illflow.system;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the text files offices upload: UTF-8 (a BOM is dropped) or else GB18030, which is what Excel on Chinese
 * Windows writes as "CSV" (GB18030 contains GBK and GB2312). Both are decoded strictly, so a Latin-1 file or a
 * binary is refused rather than turned into mojibake. UTF-8 is tried first: Chinese text in GB18030 is almost
 * never valid UTF-8, while the reverse does not hold.
 */
public final class TextEncoding {

    /** The text and the encoding it was read in ({@code UTF-8} or {@code GB18030}). */
    public record Decoded(String text, String encoding) {
    }

    /**
     * Neither UTF-8 nor GB18030; {@code line} is where the first bad byte sits in the reading that got further
     * (so a UTF-8 file with one stray byte names that byte's line).
     */
    public static final class UnreadableException extends Exception {
        private final int line;

        UnreadableException(int line) {
            super("neither UTF-8 nor GB18030 at line " + line);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncoding() {
    }

    public static Decoded decodeUtf8OrGb18030(byte[] content) throws UnreadableException {
        int utf8Failure = firstBadByte(content, StandardCharsets.UTF_8);
        if (utf8Failure < 0) {
            String text = new String(content, StandardCharsets.UTF_8);
            return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, "UTF-8");
        }
        int gbFailure = firstBadByte(content, GB18030);
        if (gbFailure < 0) {
            return new Decoded(new String(content, GB18030), "GB18030");
        }
        throw new UnreadableException(lineOf(content, Math.max(utf8Failure, gbFailure)));
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
}
