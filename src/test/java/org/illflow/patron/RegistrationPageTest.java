package org.illflow.patron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.RuntimeService;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The public Register page: a good registration starts the review; bad input is refused field by field. */
@IllflowTest
class RegistrationPageTest {

    @Autowired MockMvc mvc;
    @Autowired RuntimeService runtimeService;
    @Autowired PatronDirectory directory;
    @Autowired PatronRepository patrons;

    private static MultiValueMap<String, String> valid(String card) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", "张三");
        form.add("cardNumber", card);
        form.add("email", card.toLowerCase(Locale.ROOT) + "@stu.example.edu");
        form.add("phone", "+86 138-0000-0000");
        form.add("patronType", "MASTER_STUDENT");
        form.add("college", "经济学院");
        form.add("language", "zh");
        form.add("password", "Library2026");
        form.add("passwordConfirmation", "Library2026");
        return form;
    }

    private MockHttpServletRequestBuilder submit(MultiValueMap<String, String> form) {
        return post("/register").params(form).with(csrf());
    }

    private long processCount() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PatronRegistrationProcess.KEY).count();
    }

    @Test
    void aValidRegistrationIsRecordedAsPendingAndStartsTheReview() throws Exception {
        mvc.perform(submit(valid("M20260001"))).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/register/done"));

        Patron patron = directory.byCardNumber("M20260001").orElseThrow();
        assertThat(patron.getStatus()).isEqualTo(PatronStatus.PENDING);
        assertThat(patron.getEmail()).isEqualTo("m20260001@stu.example.edu");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("M20260001").count())
                .isEqualTo(1);
    }

    @Test
    void thePendingApplicantCanLogInAndSeesPendingReview() throws Exception {
        mvc.perform(submit(valid("M20260002"))).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("M20260002").roles("PATRON")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("待审核").contains("您的注册正在审核中");
    }

    @Test
    void eachBadFieldIsShownInThePageLanguageAndNothingIsStored() throws Exception {
        mvc.perform(submit(valid("M20260003"))).andExpect(status().is3xxRedirection());
        long patronsBefore = patrons.count();
        long processesBefore = processCount();

        // a card number or address in use is not revealed: the same answer as a registration, nothing stored
        mvc.perform(submit(with(valid("M20260003"), "email", "other@stu.example.edu")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/register/done"));
        mvc.perform(submit(with(valid("M20260004"), "email", "M20260003@stu.example.edu")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/register/done"));
        assertFieldError(with(valid("M20260005"), "email", "not-an-address"), "zh", "电子邮件地址格式不正确");
        assertFieldError(with(valid("M20260005"), "email", "not-an-address"), "en", "This is not a valid e-mail address");
        assertFieldError(with(valid("M20260006"), "name", ""), "zh", "请填写姓名");
        assertFieldError(with(valid("M20260006"), "name", "长".repeat(101)), "en", "at most 100 characters");
        assertFieldError(with(valid("M20260007"), "college", "x".repeat(101)), "zh", "不能超过 100 个字符");
        assertFieldError(with(valid("M20260008"), "cardNumber", "12"), "zh", "4–20 位字母或数字");
        assertFieldError(with(valid("M20260009"), "patronType", ""), "en", "Please choose your patron type");
        assertFieldError(with(valid("M20260010"), "patronType", "EMPEROR"), "zh", "请选择读者类型");
        assertFieldError(with(with(valid("M20260011"), "password", "abcdefgh"), "passwordConfirmation", "abcdefgh"),
                "zh", "密码太弱");
        assertFieldError(with(with(valid("M20260012"), "password", "short1"), "passwordConfirmation", "short1"),
                "en", "The password needs 8 to 64 characters");
        assertFieldError(with(valid("M20260013"), "passwordConfirmation", "Different2026"), "en",
                "The passwords do not match");
        assertFieldError(with(with(valid("M20260014"), "password", "M20260014"), "passwordConfirmation", "M20260014"),
                "zh", "不能与工号/学号相同");

        assertThat(patrons.count()).isEqualTo(patronsBefore);
        assertThat(processCount()).isEqualTo(processesBefore);
    }

    private void assertFieldError(MultiValueMap<String, String> form, String language, String expected)
            throws Exception {
        String page = mvc.perform(submit(form).cookie(new Cookie("illflow-lang", language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(expected);
    }

    private static MultiValueMap<String, String> with(MultiValueMap<String, String> form, String field, String value) {
        form.set(field, value);
        return form;
    }
}
