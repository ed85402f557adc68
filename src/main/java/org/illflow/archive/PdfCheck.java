package org.illflow.archive;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.util.unit.DataSize;

/**
 * What the archive accepts: a non-empty file within the size limit that PDFBox opens as a PDF with at least one
 * page. A text file renamed to .pdf, an HTML error page saved by a supplier's portal, or a PDF that needs a
 * password to open are all refused.
 */
final class PdfCheck {

    private final ArchiveSettings settings;

    PdfCheck(ArchiveSettings settings) {
        this.settings = settings;
    }

    /** The page count of an acceptable PDF; throws {@link UnacceptableFileException} otherwise. */
    int pageCount(byte[] content) {
        if (content == null || content.length == 0) {
            throw new UnacceptableFileException(UnacceptableFileException.EMPTY, null);
        }
        DataSize limit = settings.getMaxFileSize();
        if (content.length > limit.toBytes()) {
            throw new UnacceptableFileException(UnacceptableFileException.TOO_LARGE,
                    content.length + " bytes", readable(limit));
        }
        int pages;
        try (PDDocument document = Loader.loadPDF(content)) {
            pages = document.getNumberOfPages();
        } catch (InvalidPasswordException e) {
            throw new UnacceptableFileException(UnacceptableFileException.PASSWORD_PROTECTED, null);
        } catch (IOException | RuntimeException e) {
            // a damaged file can trip the parser in other ways than IOException; it is unreadable all the same
            throw new UnacceptableFileException(UnacceptableFileException.NOT_PDF, e.getMessage());
        } catch (StackOverflowError e) {
            // objects nested a hundred thousand deep exhaust the recursive parser: refused like any unreadable file
            throw new UnacceptableFileException(UnacceptableFileException.NOT_PDF, "objects nested too deeply");
        }
        if (pages < 1) {
            throw new UnacceptableFileException(UnacceptableFileException.NOT_PDF, "no pages");
        }
        return pages;
    }

    /** "50 MB", "512 KB": the limit as a person reads it. */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " B";
    }
}
