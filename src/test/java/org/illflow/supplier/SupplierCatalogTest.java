package org.illflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.NoSuchElementException;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The catalog of suppliers: demo rows, admin edits, and passwords that are stored only encrypted. */
@IllflowTest
class SupplierCatalogTest {

    @Autowired SupplierCatalog catalog;
    @Autowired StandardSuppliers demo;
    @Autowired JdbcTemplate jdbc;

    static SupplierTerms terms(String name, String perItem, int turnaround) {
        return new SupplierTerms(name + "（测试）", name + " (test)", true, false, new BigDecimal(perItem),
                new BigDecimal("0.40"), turnaround, "https://test.example.org/request", "tester",
                true, null, null, null, 0);
    }

    private String storedPassword(String code) {
        return jdbc.queryForObject("select password_encrypted from supplier where code = ?", String.class, code);
    }

    @Test
    void theStandardSuppliersArePricedAsAgreed() {
        Supplier calis = catalog.byCode("calis").orElseThrow();
        assertThat(calis.getPricePerItem()).isEqualByComparingTo("2.00");
        assertThat(calis.getPricePerPage()).isEqualByComparingTo("0.30");
        assertThat(calis.getTurnaroundDays()).isEqualTo(3);
        assertThat(calis.getWorkLink()).isEqualTo("https://www.calis.edu.cn/");
        assertThat(calis.getAccountName()).isEqualTo("illflow-demo");
        Supplier nlc = catalog.byCode("NLC").orElseThrow();
        assertThat(nlc.isOffersLoan()).isTrue();
        assertThat(nlc.isOffersCopy()).isFalse();
        assertThat(nlc.getLoanPeriodDays()).isEqualTo(14);
        assertThat(nlc.getBorrowingFee()).isEqualByComparingTo("30.00");
        assertThat(nlc.getRenewalsAllowed()).isEqualTo(1);
        assertThat(catalog.byCode("SHL").orElseThrow().getLoanPeriodDays()).isEqualTo(30);
        assertThat(catalog.active()).extracting(Supplier::getCode)
                .contains("CALIS", "CASHL", "NSTL", "REPRINTS", "NLC", "SHL", "FUDAN", "SJTU");
        assertThat(catalog.byCode("NOPE")).isEmpty();
        assertThat(catalog.byCode(null)).isEmpty();
    }

    @Test
    void loadingTheDemoDataAgainChangesNothing() throws Exception {
        long before = catalog.all().size();
        String stored = storedPassword("CASHL");
        demo.run(null);
        assertThat(catalog.all()).hasSize((int) before);
        assertThat(storedPassword("CASHL")).isEqualTo(stored);
    }

    @Test
    void theStoredColumnNeverHoldsThePlainPassword() {
        for (Supplier supplier : catalog.all()) {
            String stored = storedPassword(supplier.getCode());
            if (stored != null) {
                assertThat(stored).startsWith("v1:").doesNotContain(StandardSuppliers.demoPassword(supplier.getCode()));
            }
        }
        assertThat(storedPassword("CALIS")).isNotNull();
        assertThat(catalog.decryptedPassword("CALIS")).isEqualTo(StandardSuppliers.demoPassword("CALIS"));
    }

    @Test
    void anEditReplacesThePasswordOnlyWhenOneIsGiven() {
        catalog.create("TESTCAT1", terms("目录", "1.00", 4), "first-Secret-1");
        String first = storedPassword("TESTCAT1");
        assertThat(first).startsWith("v1:").doesNotContain("first-Secret-1");

        Supplier kept = catalog.save("TESTCAT1", terms("目录", "1.50", 5), "", null);
        assertThat(kept.getPricePerItem()).isEqualByComparingTo("1.50");
        assertThat(storedPassword("TESTCAT1")).isEqualTo(first);
        catalog.save("TESTCAT1", terms("目录", "1.50", 5), null, null);
        assertThat(storedPassword("TESTCAT1")).isEqualTo(first);

        catalog.save("TESTCAT1", terms("目录", "1.50", 5), "second-Secret-2", null);
        String second = storedPassword("TESTCAT1");
        assertThat(second).isNotEqualTo(first).doesNotContain("second-Secret-2");
        assertThat(catalog.decryptedPassword("TESTCAT1")).isEqualTo("second-Secret-2");

        Supplier supplier = catalog.byCode("TESTCAT1").orElseThrow();
        assertThat(supplier.toString()).contains("TESTCAT1").doesNotContain("second-Secret-2").doesNotContain(second);
        assertThat(supplier.hasPassword()).isTrue();
    }

    @Test
    void aSupplierWithoutPasswordHasNoneForStaff() {
        catalog.create("TESTCAT2", terms("无密码", "0.00", 2), null);
        assertThat(catalog.byCode("TESTCAT2").orElseThrow().hasPassword()).isFalse();
        assertThat(catalog.decryptedPassword("TESTCAT2")).isNull();
        assertThatThrownBy(() -> catalog.decryptedPassword("NOPE")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> catalog.save("NOPE", terms("无", "0.00", 2), null, null))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aStaleEditIsRefusedAndChangesNothing() {
        Supplier created = catalog.create("TESTCAT3", terms("并发", "3.00", 3), null);
        int version = catalog.byCode("TESTCAT3").orElseThrow().getVersion();
        catalog.save("TESTCAT3", terms("并发", "4.00", 3), null, version);
        assertThatThrownBy(() -> catalog.save("TESTCAT3", terms("并发", "9.00", 3), null, version))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(catalog.byCode("TESTCAT3").orElseThrow().getPricePerItem()).isEqualByComparingTo("4.00");
        assertThat(created.getCode()).isEqualTo("TESTCAT3");
    }

    @Test
    void aStoredPasswordUnderAnotherKeyFailsClearly() {
        catalog.create("TESTCAT4", terms("换钥", "0.00", 2), null);
        String foreign = new SupplierCredentials(java.util.Base64.getDecoder().decode(SupplierCredentials.newKey()))
                .encrypt("TESTCAT4", "old-key-secret");
        jdbc.update("update supplier set password_encrypted = ? where code = ?", foreign, "TESTCAT4");
        assertThatThrownBy(() -> catalog.decryptedPassword("TESTCAT4")).isInstanceOf(SupplierCredentialException.class)
                .hasMessageContaining("cannot be decrypted with the configured key");
    }
}
