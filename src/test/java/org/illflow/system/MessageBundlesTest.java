package org.illflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A message key is defined once: a second definition silently wins over the first (that is how the My requests
 * column header came to read "申请 {0} 已提交。"). Checked per file, across the feature bundles of one language
 * (Spring takes the first bundle that has the key), and the English bundles have the same keys as the Chinese.
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    void noMessageKeyIsDefinedTwice() throws IOException {
        List<Path> bundles = bundles();
        assertThat(bundles).as("message bundles").hasSizeGreaterThan(2);
        Map<String, List<String>> definedIn = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Path bundle : bundles) {
            String language = bundle.getFileName().toString().contains("_en") ? "en" : "zh";
            List<String> keys = keys(bundle);
            new TreeSet<>(keys).forEach(key -> {
                if (keys.indexOf(key) != keys.lastIndexOf(key)) {
                    twice.add(bundle.getFileName() + ": " + key);
                }
                definedIn.computeIfAbsent(language + ":" + key, k -> new ArrayList<>())
                        .add(bundle.getFileName().toString());
            });
        }
        definedIn.forEach((key, files) -> {
            if (files.size() > 1) {
                twice.add(key + " in " + files);
            }
        });
        assertThat(twice).as("message keys defined twice").isEmpty();
    }

    @Test
    void everyEnglishBundleHasTheKeysOfItsChineseBundle() throws IOException {
        for (Path chinese : bundles()) {
            String name = chinese.getFileName().toString();
            if (name.contains("_")) {
                continue;
            }
            Path english = chinese.resolveSibling(name.replace(".properties", "_en.properties"));
            assertThat(english).as("English beside " + name).exists();
            assertThat(new TreeSet<>(keys(english))).as(english.getFileName() + " keys")
                    .isEqualTo(new TreeSet<>(keys(chinese)));
        }
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES)) {
            return files.filter(f -> f.getFileName().toString().matches("messages.*\\.properties")).sorted().toList();
        }
    }

    /** The keys in the order the file defines them, duplicates kept (java.util.Properties would hide them). */
    static List<String> keys(Path bundle) throws IOException {
        List<String> keys = new ArrayList<>();
        boolean continued = false;
        for (String line : Files.readAllLines(bundle, StandardCharsets.UTF_8)) {
            boolean wasContinued = continued;
            continued = endsWithOddBackslashes(line);
            String text = line.strip();
            if (wasContinued || text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                continue;
            }
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    key.append(text.charAt(++i));
                } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                    break;
                } else {
                    key.append(c);
                }
            }
            keys.add(key.toString());
        }
        return keys;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
