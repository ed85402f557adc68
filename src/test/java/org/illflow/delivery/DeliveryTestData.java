package org.illflow.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Articles nobody asked for before, and real PDFs made on the spot. */
final class DeliveryTestData {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private DeliveryTestData() {
    }

    /** A science article (NSTL, CALIS, REPRINTS eligible) of 12 pages, unique to this call. */
    static ArticleRequestForm stmArticle() {
        int n = SEQ.incrementAndGet();
        ArticleRequestForm form = new ArticleRequestForm();
        form.setTitle("Catalytic conversion of biomass, study " + n + "-" + System.nanoTime());
        form.setAuthors("Zhang, Wei; Smith, Anna");
        form.setJournal("Journal of Catalysis Research");
        form.setIssn("2434-561X");
        form.setVolume("12");
        form.setIssue("3");
        form.setPages("101-112");
        form.setYear(2021);
        form.setSubjectArea("STM");
        form.setLanguage("en");
        form.setDoi("10.9999/illflow.test." + n + "." + System.nanoTime());
        return form;
    }

    static byte[] pdf(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            document.getDocumentInformation().setTitle("test " + System.nanoTime());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
