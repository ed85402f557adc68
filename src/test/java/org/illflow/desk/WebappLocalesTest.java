package org.illflow.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.illflow.support.IllflowTest;
import org.illflow.support.PortalClient;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist, Cockpit, Admin and Welcome speak Chinese: our locale files cover every key of the English files
 * that ship with the webapps (read from the webjar on the classpath, so a Camunda upgrade that adds keys fails
 * here), keep every placeholder, and say it in Chinese; the webapps follow the portal's language.
 */
@IllflowTest
class WebappLocalesTest {

    private static final String LOCALES = "/META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    /** Names and formats that stay as they are in Chinese. */
    private static final Set<String> SAME_IN_CHINESE = Set.of("Camunda", "Optimize", "null", "<null>",
            "<undefined>", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|%[ds]|\\{}");

    @Autowired TestSupport support;
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode locale(String app, String language) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(LOCALES.formatted(app, language))) {
            assertThat(in).as("%s locale of %s", language, app).isNotNull();
            byte[] bytes = in.readAllBytes();
            int bom = bytes.length > 2 && (bytes[0] & 0xff) == 0xef ? 3 : 0;
            return json.readTree(new String(bytes, bom, bytes.length - bom, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasAChineseTextWithTheSamePlaceholders(String app) throws IOException {
        Map<String, String> english = flatten(locale(app, "en"));
        Map<String, String> chinese = flatten(locale(app, "zh"));
        assertThat(english).hasSizeGreaterThan(150);
        assertThat(chinese.keySet()).as("keys of %s", app).containsAll(english.keySet());
        List<String> untranslated = new ArrayList<>();
        english.forEach((key, text) -> {
            String zh = chinese.get(key);
            assertThat(placeholders(zh)).as("placeholders of %s.%s", app, key).isEqualTo(placeholders(text));
            boolean words = text.matches("(?s).*[A-Za-z]{3,}.*") && !key.startsWith("dateLocales.longDateFormat");
            if (words && !SAME_IN_CHINESE.contains(text) && !zh.codePoints().anyMatch(
                    c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                untranslated.add(key + " = " + zh);
            }
        });
        assertThat(untranslated).as("texts of %s still in English", app).isEmpty();
    }

    @Test
    void theWebappsOfferChineseAndEnglishAndFollowThePortalsLanguage() {
        PortalClient staff = support.client();
        staff.login("ddstaff", "staff2026");
        String config = staff.get("/camunda/app/tasklist/scripts/config.js").body();
        assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'")
                .contains("value: ['zh']").contains("claimTask");

        staff.get("/?lang=en");
        assertThat(staff.get("/camunda/app/tasklist/scripts/config.js").body()).contains("fallbackLocale: 'en'")
                .contains("value: ['en']");
        assertThat(staff.get("/camunda/app/tasklist/styles/user-styles.css").body()).contains(".ce-eol-banner")
                .contains("display: none");
        assertThat(staff.get("/camunda/app/cockpit/scripts/config.js").statusCode())
                .as("Cockpit is for admins").isEqualTo(403);

        PortalClient admin = support.client();
        admin.login("admin", "admin2026");
        assertThat(admin.get("/camunda/app/cockpit/scripts/config.js").body()).contains("fallbackLocale: 'zh'");
        assertThat(admin.get("/camunda/app/cockpit/locales/zh.json").body()).contains("\"ABORT\": \"中止\"");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1) != null ? matcher.group(1) : matcher.group());
        }
        return found;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new java.util.LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), flat);
            }
        } else {
            flat.put(prefix, node.asText());
        }
    }
}
