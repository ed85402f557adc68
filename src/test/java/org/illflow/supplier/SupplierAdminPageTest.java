package org.illflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The admin pages /admin/suppliers and /admin/suppliers/{code}: list, edit, validation, access, no password. */
@IllflowTest
class SupplierAdminPageTest {

    private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "STAFF");
    private static final RequestPostProcessor STAFF = user("ddstaff").roles("STAFF", "DD_STAFF");
    private static final RequestPostProcessor PATRON = user("2024110001").roles("PATRON");

    @Autowired MockMvc mvc;
    @Autowired SupplierCatalog catalog;
    @Autowired JdbcTemplate jdbc;

    /** A supplier of this test's own, so the demo rows the ranking tests use stay as they are. */
    private String supplierWithPassword(String code, String password) {
        if (catalog.byCode(code).isEmpty()) {
            catalog.create(code, SupplierCatalogTest.terms("页面测试", "2.00", 3), password);
        }
        return code;
    }

    private MultiValueMap<String, String> formOf(String code) {
        SupplierForm form = SupplierForm.of(catalog.byCode(code).orElseThrow());
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("version", String.valueOf(form.getVersion()));
        fields.add("nameZh", form.getNameZh());
        fields.add("nameEn", form.getNameEn());
        if (form.isOffersCopy()) {
            fields.add("offersCopy", "true");
        }
        fields.add("_offersCopy", "on");
        if (form.isOffersLoan()) {
            fields.add("offersLoan", "true");
        }
        fields.add("_offersLoan", "on");
        fields.add("pricePerItem", text(form.getPricePerItem()));
        fields.add("pricePerPage", text(form.getPricePerPage()));
        fields.add("turnaroundDays", String.valueOf(form.getTurnaroundDays()));
        fields.add("workLink", form.getWorkLink());
        fields.add("accountName", form.getAccountName());
        fields.add("password", "");
        if (form.isActive()) {
            fields.add("active", "true");
        }
        fields.add("_active", "on");
        fields.add("loanPeriodDays", form.getLoanPeriodDays() == null ? "" : form.getLoanPeriodDays().toString());
        fields.add("borrowingFee", text(form.getBorrowingFee()));
        fields.add("shippingCost", text(form.getShippingCost()));
        fields.add("renewalsAllowed", String.valueOf(form.getRenewalsAllowed()));
        return fields;
    }

    private static String text(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static MultiValueMap<String, String> with(MultiValueMap<String, String> form, String field, String value) {
        form.set(field, value);
        return form;
    }

    private static MultiValueMap<String, String> without(MultiValueMap<String, String> form, String field) {
        form.remove(field);
        return form;
    }

    private MockHttpServletRequestBuilder submit(String code, MultiValueMap<String, String> form) {
        return post("/admin/suppliers/" + code).params(form).with(csrf()).with(ADMIN);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private Map<String, Object> row(String code) {
        return jdbc.queryForMap("select * from supplier where code = ?", code);
    }

    @Test
    void theListShowsEverySupplierWithItsTermsAndNoPassword() throws Exception {
        String zh = page(get("/admin/suppliers").with(ADMIN));
        assertThat(zh).contains("供应商与出借馆", "CALIS", "中国高等教育文献保障系统", "CASHL", "NSTL", "REPRINTS",
                "国家图书馆", "上海图书馆", "复旦大学图书馆", "上海交通大学图书馆",
                "每件 2.00 + 每页 0.30", "每件 35.00", "借期 14 天；借书费 30.00 元，运费 0.00 元；可续借 1 次",
                "人文社科", "理工农医", "href=\"/admin/suppliers/CALIS\"", "https://www.calis.edu.cn/");
        assertThat(zh).as("menu link for admins").contains("href=\"/admin/suppliers\"");
        assertNoPasswordIn(zh);

        String en = page(get("/admin/suppliers").with(ADMIN).cookie(new Cookie("illflow-lang", "en")));
        assertThat(en).contains("Suppliers and lenders", "National Library of China", "2.00 per item + 0.30 per page",
                "CASHL: humanities and social sciences only");
        assertNoPasswordIn(en);
    }

    @Test
    void theEditPageShowsTheTermsButNeverThePassword() throws Exception {
        String code = supplierWithPassword("TESTPAGE1", "page-Secret-1");
        String edit = page(get("/admin/suppliers/" + code).with(ADMIN));
        assertThat(edit).contains("编辑供应商 TESTPAGE1", "name=\"_csrf\"", "value=\"页面测试（测试）\"",
                "https://test.example.org/request", "已存储密码");
        assertThat(edit).doesNotContain("page-Secret-1").doesNotContain(row(code).get("password_encrypted").toString());
        assertThat(page(get("/admin/suppliers/calis").with(ADMIN))).contains("编辑供应商 CALIS");
        assertNoPasswordIn(page(get("/admin/suppliers/CALIS").with(ADMIN)));
    }

    @Test
    void anEditIsSavedAndAnEmptyPasswordKeepsTheStoredOne() throws Exception {
        String code = supplierWithPassword("TESTPAGE2", "page-Secret-2");
        Object storedBefore = row(code).get("password_encrypted");

        MultiValueMap<String, String> form = formOf(code);
        form.set("nameEn", "Edited supplier");
        form.set("pricePerItem", "3.50");
        form.set("pricePerPage", "");
        form.set("turnaroundDays", "60");
        form.add("offersLoan", "true");
        form.set("loanPeriodDays", "21");
        form.set("borrowingFee", "10");
        form.set("workLink", "http://ill.example.org/new?lang=zh");
        mvc.perform(submit(code, form)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/suppliers"));

        Supplier saved = catalog.byCode(code).orElseThrow();
        assertThat(saved.getNameEn()).isEqualTo("Edited supplier");
        assertThat(saved.getPricePerItem()).isEqualByComparingTo("3.50");
        assertThat(saved.getPricePerPage()).isNull();
        assertThat(saved.getTurnaroundDays()).isEqualTo(60);
        assertThat(saved.isOffersLoan()).isTrue();
        assertThat(saved.getLoanPeriodDays()).isEqualTo(21);
        assertThat(saved.getWorkLink()).isEqualTo("http://ill.example.org/new?lang=zh");
        assertThat(row(code).get("password_encrypted")).isEqualTo(storedBefore);
        assertThat(catalog.decryptedPassword(code)).isEqualTo("page-Secret-2");

        String list = mvc.perform(get("/admin/suppliers").with(ADMIN).flashAttr("saved", code)).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains("已保存 TESTPAGE2").contains("Edited supplier");

        mvc.perform(submit(code, with(formOf(code), "password", "page-Secret-new")))
                .andExpect(status().is3xxRedirection());
        assertThat(row(code).get("password_encrypted")).isNotEqualTo(storedBefore).asString()
                .startsWith("v1:").doesNotContain("page-Secret-new");
        assertThat(catalog.decryptedPassword(code)).isEqualTo("page-Secret-new");
    }

    @Test
    void badInputIsShownFieldByFieldInThePageLanguageAndNothingIsSaved() throws Exception {
        String code = supplierWithPassword("TESTPAGE3", "page-Secret-3");
        Map<String, Object> before = row(code);

        assertFieldError(code, with(formOf(code), "pricePerItem", "-1"), "zh", "金额不能为负数");
        assertFieldError(code, with(formOf(code), "pricePerPage", "-0.30"), "en", "Amounts cannot be negative");
        assertFieldError(code, with(formOf(code), "borrowingFee", "-5"), "zh", "金额不能为负数");
        assertFieldError(code, with(formOf(code), "pricePerItem", "1.005"), "en", "2 after the decimal point");
        assertFieldError(code, with(formOf(code), "pricePerItem", "abc"), "zh", "请填写金额，如 2.00");
        assertFieldError(code, with(formOf(code), "pricePerItem", "abc"), "en", "Please give an amount, such as 2.00");
        assertFieldError(code, with(formOf(code), "turnaroundDays", "0"), "zh", "目标周期应为 1–60 个工作日");
        assertFieldError(code, with(formOf(code), "turnaroundDays", "61"), "en", "The turnaround target is 1 to 60");
        assertFieldError(code, with(formOf(code), "turnaroundDays", "three"), "zh", "目标周期应为 1–60 个工作日");
        assertFieldError(code, with(formOf(code), "workLink", "not a url"), "zh", "工作链接应为以 http:// 或 https:// 开头");
        assertFieldError(code, with(formOf(code), "workLink", "ftp://files.example.org/"), "en",
                "The work link must be a full address starting with http:// or https://");
        assertFieldError(code, with(formOf(code), "workLink", "https://illflow:s3cret@ill.example.org/"), "en",
                "without an account or password in it");
        assertFieldError(code, with(formOf(code), "workLink", ""), "zh", "请填写工作链接");
        assertFieldError(code, with(formOf(code), "nameZh", " "), "zh", "请填写中文名称");
        assertFieldError(code, without(formOf(code), "offersCopy"), "zh", "请至少选择一项服务");
        assertFieldError(code, with(formOf(code), "offersLoan", "true"), "en", "A supplier that lends books needs a loan period");
        assertFieldError(code, with(formOf(code), "password", "p".repeat(101)), "zh", "密码不能超过 100 个字符");

        assertThat(row(code)).isEqualTo(before);
    }

    @Test
    void aTypedPasswordIsNotSentBackWhenTheFormHasErrors() throws Exception {
        String code = supplierWithPassword("TESTPAGE4", "page-Secret-4");
        Object storedBefore = row(code).get("password_encrypted");
        String page = page(submit(code, with(with(formOf(code), "password", "typed-New-Secret"), "turnaroundDays", "0")));
        assertThat(page).contains("目标周期应为 1–60 个工作日").doesNotContain("typed-New-Secret")
                .doesNotContain("page-Secret-4");
        assertThat(row(code).get("password_encrypted")).isEqualTo(storedBefore);
    }

    @Test
    void anEditFromAStaleFormIsRefused() throws Exception {
        String code = supplierWithPassword("TESTPAGE5", null);
        MultiValueMap<String, String> stale = formOf(code);
        mvc.perform(submit(code, with(formOf(code), "pricePerItem", "4.00"))).andExpect(status().is3xxRedirection());
        String page = page(submit(code, with(stale, "pricePerItem", "9.00")));
        assertThat(page).contains("此供应商刚被他人修改");
        assertThat(catalog.byCode(code).orElseThrow().getPricePerItem()).isEqualByComparingTo("4.00");
    }

    @Test
    void staffAndPatronsMayNotOpenOrPostAndAnonymousVisitorsLogInFirst() throws Exception {
        String code = supplierWithPassword("TESTPAGE6", "page-Secret-6");
        Map<String, Object> before = row(code);
        for (RequestPostProcessor who : new RequestPostProcessor[] {STAFF, PATRON}) {
            mvc.perform(get("/admin/suppliers").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/suppliers/" + code).with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/suppliers/" + code).params(with(formOf(code), "pricePerItem", "0.01"))
                    .with(csrf()).with(who)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/suppliers")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login")); // relative: never the Host a client claimed
        mvc.perform(post("/admin/suppliers/" + code).params(formOf(code)).with(ADMIN))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(row(code)).isEqualTo(before);
    }

    @Test
    void anUnknownCodeIsNotFound() throws Exception {
        mvc.perform(get("/admin/suppliers/NOSUCH").with(ADMIN)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/suppliers/NOSUCH").params(formOf("CALIS")).with(csrf()).with(ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/suppliers/NOSUCH").params(with(formOf("CALIS"), "turnaroundDays", "0"))
                .with(csrf()).with(ADMIN)).andExpect(status().isNotFound());
        assertThat(catalog.byCode("NOSUCH")).isEmpty();
    }

    private void assertFieldError(String code, MultiValueMap<String, String> form, String language, String expected)
            throws Exception {
        String page = page(submit(code, form).cookie(new Cookie("illflow-lang", language)));
        assertThat(page).contains(expected).contains("has-error");
        assertNoPasswordIn(page);
    }

    /** No page shows a demo password or any stored ciphertext. */
    private void assertNoPasswordIn(String page) {
        for (Supplier supplier : catalog.all()) {
            assertThat(page).doesNotContain(StandardSuppliers.demoPassword(supplier.getCode()));
            Object stored = row(supplier.getCode()).get("password_encrypted");
            if (stored != null) {
                assertThat(page).doesNotContain(stored.toString());
            }
        }
        assertThat(page).doesNotContain("page-Secret");
    }

    /** Subjects and languages are the eligibility table's alone: the pages show its rules and edit nothing of it. */
    @Test
    void thePagesShowTheEligibilityTableAndOfferNoSubjectOrLanguageToEdit() throws Exception {
        String list = mvc.perform(get("/admin/suppliers").with(ADMIN).param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Eligibility (decision table)").contains("CASHL: humanities and social sciences only");
        String edit = mvc.perform(get("/admin/suppliers/NSTL").with(ADMIN).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(edit).contains("id=\"eligibility\"").contains("NSTL: copies in science")
                .doesNotContain("name=\"subjectScope\"").doesNotContain("name=\"languages\"");
    }
}
