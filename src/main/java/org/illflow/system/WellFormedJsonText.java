package org.illflow.system;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * JSON lets a string carry half of a UTF-16 pair ({@code "x\ud800y"}); such a string cannot be written back as
 * valid UTF-8 JSON, so a stored one would break every later answer that contains it (the patron's list). The
 * API's JSON reader refuses it as unreadable input (400) before anything is stored.
 */
@Configuration
class WellFormedJsonText {

    /** A Jackson module bean: Spring Boot installs it into the ObjectMapper of the web layer. */
    @Bean
    SimpleModule refuseUnpairedSurrogates() {
        SimpleModule module = new SimpleModule("well-formed-text");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (value != null && hasUnpairedSurrogate(value)) {
                    return (String) context.handleWeirdStringValue(String.class, value,
                            "contains an unpaired UTF-16 surrogate");
                }
                return value;
            }
        });
        return module;
    }

    static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
