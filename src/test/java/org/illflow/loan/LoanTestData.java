package org.illflow.loan;

import java.util.concurrent.atomic.AtomicLong;

/** Books nobody asked for before, with valid ISBNs the library does not hold. */
public final class LoanTestData {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 100_000_000L);

    /** Programming pearls (2nd ed.), held in print by the demo library: call number QA76.6 .B453 2000. */
    static final String HELD_ISBN = "0201657880";

    private LoanTestData() {
    }

    public static BookRequestForm book() {
        long n = SEQ.incrementAndGet();
        BookRequestForm form = new BookRequestForm();
        form.setTitle("明清江南市镇经济研究 第" + n + "卷");
        form.setAuthors("王, 家范");
        form.setIsbn(isbn13("7" + String.format("%08d", n % 100_000_000L)));
        form.setPublisher("上海人民出版社");
        form.setYear(2019);
        form.setEdition("2版");
        form.setLanguage("zh");
        return form;
    }

    /** A valid ISBN-13 in the 978 range from nine digits. */
    public static String isbn13(String nineDigits) {
        String twelve = "978" + nineDigits;
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }
}
