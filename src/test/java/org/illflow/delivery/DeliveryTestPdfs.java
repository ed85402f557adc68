package org.illflow.delivery;

/** Real PDFs for tests outside this package. */
public final class DeliveryTestPdfs {

    private DeliveryTestPdfs() {
    }

    public static byte[] pdf(int pages) {
        return DeliveryTestData.pdf(pages);
    }
}
