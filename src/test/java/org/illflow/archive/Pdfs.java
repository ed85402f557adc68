package org.illflow.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Real PDFs made on the spot, each different from every other (a random id in its metadata); for every test. */
public final class Pdfs {

    private Pdfs() {
    }

    public static byte[] pdf(int pages) {
        return make(pages, null);
    }

    /** A PDF that opens only with the password "reader". */
    static byte[] passwordProtected() {
        return make(1, "reader");
    }

    private static byte[] make(int pages, String userPassword) {
        String id = UUID.randomUUID().toString();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("illflow test " + id);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                // a line per page, and no text: a font would only bring font-substitution warnings
                try (PDPageContentStream drawing = new PDPageContentStream(document, page)) {
                    drawing.moveTo(72, 720);
                    drawing.lineTo(72 + 40 * i, 720);
                    drawing.stroke();
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + id, userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
