package org.illflow.supplier;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The suppliers and lenders the eligibility table (processes/supplier-eligibility.dmn) knows, priced after the
 * publicly listed rates of these services (CALIS 0.30/page + 2 agent fee, CASHL 2 + 0.50/page, NSTL
 * 0.30/page; NLC 30 per volume including postage). Loan fees of the Shanghai libraries and of CALIS are
 * illustrative. Work links are the suppliers' public sites.
 * <p>
 * On the embedded default they come with made-up demo accounts and are active. In production (no demo data)
 * they are created <em>inactive and without account or password</em>: an admin enters the library's own terms,
 * account and password on the suppliers page and activates them. Idempotent: a restart keeps what exists
 * (and what an admin changed).
 */
@Component
@Order(20)
class StandardSuppliers implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StandardSuppliers.class);
    static final String ACCOUNT = "illflow-demo";

    private final SupplierCatalog catalog;
    private final boolean demo;

    StandardSuppliers(SupplierCatalog catalog,
            @org.springframework.beans.factory.annotation.Value("${illflow.demo-data.enabled:false}") boolean demo) {
        this.demo = demo;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        copy("CALIS", "中国高等教育文献保障系统", "China Academic Library & Information System", true, "2.00", "0.30", 3,
                "https://www.calis.edu.cn/", 30, "30.00", "15.00", 0);
        copy("CASHL", "中国高校人文社会科学文献中心", "China Academic Social Sciences and Humanities Library", true,
                "2.00", "0.50", 3, "https://www.cashl.edu.cn/", 30, "40.00", null, 0);
        copy("NSTL", "国家科技图书文献中心", "National Science and Technology Library", false, "0.00", "0.30", 2,
                "https://www.nstl.gov.cn/", null, null, null, 0);
        copy("REPRINTS", "商业文献供应商", "Commercial document supplier", false, "35.00", null, 1,
                "https://www.example.com/document-supplier", null, null, null, 0);
        lender("NLC", "中国国家图书馆", "National Library of China", 7, "https://www.nlc.cn/", 14, "30.00", null, 1);
        lender("SHL", "上海图书馆", "Shanghai Library", 3, "https://www.library.sh.cn/", 30, "20.00", "12.00", 0);
        lender("FUDAN", "复旦大学图书馆", "Fudan University Library", 3, "https://library.fudan.edu.cn/", 30, "0.00",
                "15.00", 1);
        lender("SJTU", "上海交通大学图书馆", "Shanghai Jiao Tong University Library", 3, "https://www.lib.sjtu.edu.cn/",
                30, "0.00", "15.00", 1);
        LOG.info(demo ? "Demo suppliers ready: CALIS, CASHL, NSTL, REPRINTS; lenders NLC, SHL, FUDAN, SJTU."
                : "Suppliers CALIS, CASHL, NSTL, REPRINTS and lenders NLC, SHL, FUDAN, SJTU exist; new ones are "
                        + "inactive until an admin enters their account and activates them.");
    }

    /** A document supplier, optionally also lending. */
    private void copy(String code, String nameZh, String nameEn, boolean lends, String perItem, String perPage,
            int turnaround, String link, Integer loanDays, String fee, String shipping,
            int renewals) {
        create(code, new SupplierTerms(nameZh, nameEn, true, lends, amount(perItem), amount(perPage), turnaround,
                link, demo ? ACCOUNT : null, demo, loanDays, amount(fee), amount(shipping), renewals));
    }

    private void lender(String code, String nameZh, String nameEn, int turnaround, String link, int loanDays,
            String fee, String shipping, int renewals) {
        create(code, new SupplierTerms(nameZh, nameEn, false, true, BigDecimal.ZERO.setScale(2), null, turnaround,
                link, demo ? ACCOUNT : null, demo, loanDays, amount(fee), amount(shipping),
                renewals));
    }

    private void create(String code, SupplierTerms terms) {
        if (catalog.byCode(code).isEmpty()) {
            catalog.create(code, terms, demo ? demoPassword(code) : null);
        }
    }

    /** Made-up passwords of the made-up demo accounts; stored encrypted like any other. */
    static String demoPassword(String code) {
        return "demo-" + code.toLowerCase(java.util.Locale.ROOT) + "-2026";
    }

    private static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
