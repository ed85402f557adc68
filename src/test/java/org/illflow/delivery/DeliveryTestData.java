package org.illflow.delivery;

import java.util.concurrent.atomic.AtomicInteger;

/** Articles nobody asked for before. */
public final class DeliveryTestData {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private DeliveryTestData() {
    }

    /** A science article (NSTL, CALIS, REPRINTS eligible) of 12 pages, unique to this call. */
    public static ArticleRequestForm stmArticle() {
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

}
