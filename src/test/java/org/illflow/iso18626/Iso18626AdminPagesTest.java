package org.illflow.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.stream.Stream;

import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.support.IllflowTest;
import org.illflow.support.TableCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The admin pages for partner libraries and the message log: register and edit with field errors for bad input
 * (400, nothing changed), admins only, CSRF required, the security code stored encrypted and never shown.
 */
@IllflowTest
class Iso18626AdminPagesTest {

    private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "STAFF");
    private static final RequestPostProcessor STAFF = user("illstaff").roles("STAFF", "ILL_STAFF");

    @Autowired MockMvc mvc;
    @Autowired Iso18626Peers peers;
    @Autowired JdbcTemplate jdbc;

    static MultiValueMap<String, String> form(String code, String agencyValue) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("code", code);
        fields.add("name", "南京大学图书馆");
        fields.add("supplierCode", "");
        fields.add("endpointUrl", "https://ill.nju.example.edu/iso18626");
        fields.add("agencyIdType", "ISIL");
        fields.add("agencyIdValue", agencyValue);
        fields.add("isoVersion", "2021-2");
        fields.add("accountId", "nju-ill");
        fields.add("securityCode", "nju-very-s3cret");
        fields.add("active", "true");
        fields.add("_active", "on");
        return fields;
    }

    @Test
    void anAdminRegistersAPartnerWhoseSecurityCodeIsStoredEncryptedAndNeverShown() throws Exception {
        String code = "NJU" + System.nanoTime() % 100000;
        mvc.perform(post("/admin/iso18626/peers/new").params(form(code, "CN-" + code)).with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/iso18626/peers"));
        Iso18626Peer peer = peers.byCode(code).orElseThrow();
        assertThat(peer.agencyId()).isEqualTo(new AgencyId("ISIL", "CN-" + code));
        assertThat(peers.securityCode(peer)).isEqualTo("nju-very-s3cret");
        String stored = jdbc.queryForObject("select security_code_encrypted from iso18626_peer where code = ?",
                String.class, code);
        assertThat(stored).startsWith("v1:").doesNotContain("nju-very-s3cret");

        String page = mvc.perform(get("/admin/iso18626/peers/" + code).with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("CN-" + code, "https://ill.nju.example.edu/iso18626").doesNotContain("nju-very-s3cret", stored);
        assertThat(mvc.perform(get("/admin/iso18626/peers").with(ADMIN)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains(code, "南京大学图书馆");

        assertThat(page).as("the code is not editable").containsPattern("<input[^>]*type=\"hidden\"[^>]*name=\"code\"")
                .doesNotContainPattern("<input[^>]*type=\"text\"[^>]*name=\"code\"");
        // an edit with an empty security code keeps the stored one; the code comes from the path, never the form
        MultiValueMap<String, String> edit = form("OTHER" + code, "CN-" + code);
        edit.set("name", "南京大学图书馆（仙林）");
        edit.set("securityCode", "");
        edit.add("version", String.valueOf(peer.getVersion()));
        mvc.perform(post("/admin/iso18626/peers/" + code).params(edit).with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Iso18626Peer changed = peers.byCode(code).orElseThrow();
        assertThat(changed.getName()).isEqualTo("南京大学图书馆（仙林）");
        assertThat(peers.byCode("OTHER" + code)).isEmpty();
        assertThat(peers.securityCode(changed)).isEqualTo("nju-very-s3cret");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("code", "x", "代码为 2–20 个字母"),
                Arguments.of("endpointUrl", "ftp://ill.example.edu/iso18626", "请填写 http 或 https 地址"),
                Arguments.of("endpointUrl", "https://user:secret@ill.example.edu/iso18626", "不含用户名、密码"),
                Arguments.of("endpointUrl", "javascript:alert(1)", "请填写 http 或 https 地址"),
                Arguments.of("agencyIdValue", "CN FDU", "不含空白"),
                Arguments.of("agencyIdValue", "", "机构代码值为"),
                Arguments.of("isoVersion", "2021-3", "版本为 2021-2 或 1.2"),
                Arguments.of("supplierCode", "NOSUCH", "没有此供应方"),
                Arguments.of("securityCode", "", "新登记的合作馆需要安全码"),
                Arguments.of("securityCode", "x".repeat(101), "安全码最多 100 个字符"),
                Arguments.of("name", " ", "请填写馆名"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badInput")
    void badInputIsAnsweredWithTheFieldErrorAndChangesNothing(String field, String value, String error) throws Exception {
        String code = "BAD" + System.nanoTime() % 100000;
        MultiValueMap<String, String> fields = form(code, "CN-" + code);
        fields.set(field, value);
        Map<String, Long> before = TableCounts.of(jdbc);
        String page = mvc.perform(post("/admin/iso18626/peers/new").params(fields).with(ADMIN).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(error).doesNotContain("nju-very-s3cret");
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aSecondPartnerWithTheSameAgencyIdOrCodeIsRefused() throws Exception {
        String code = "DUP" + System.nanoTime() % 100000;
        mvc.perform(post("/admin/iso18626/peers/new").params(form(code, "CN-" + code)).with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Map<String, Long> before = TableCounts.of(jdbc);
        assertThat(mvc.perform(post("/admin/iso18626/peers/new").params(form(code + "B", "CN-" + code)).with(ADMIN)
                .with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("已有合作馆使用此机构代码");
        assertThat(mvc.perform(post("/admin/iso18626/peers/new").params(form(code, "CN-OTHER-" + code)).with(ADMIN)
                .with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("已有此代码的合作馆");
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void onlyAdminsWithACsrfTokenReachThePages() throws Exception {
        Map<String, Long> before = TableCounts.of(jdbc);
        mvc.perform(get("/admin/iso18626/peers").with(STAFF)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/iso18626/messages").with(STAFF)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/iso18626/peers/new").params(form("NOCSRF", "CN-NOCSRF")).with(ADMIN))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/iso18626/peers/NO-SUCH-PEER").with(ADMIN)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/iso18626/messages/999999999/send-again").with(ADMIN).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);
        mvc.perform(get("/admin/iso18626/messages").with(ADMIN)).andExpect(status().isOk());
    }
}
