package org.illflow.citation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The constraint annotations as the application's validator sees them on a {@link Citation}. */
class CitationConstraintsTest {

    private static final Clock MID_2025 =
            Clock.fixed(Instant.parse("2025-06-15T00:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        factory = Validation.byDefaultProvider().configure()
                .clockProvider(() -> MID_2025)
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @ParameterizedTest
    @CsvSource({
        "doi,   10.1000/xyz123,  11.1000/x,      {citation.doi.invalid}",
        "doi,   doi:10.1000/XYZ123, 10.1000,     {citation.doi.invalid}",
        "issn,  0317-8471,       0317-8472,      {citation.issn.invalid}",
        "eissn, 2434-561x,       2434-561,       {citation.issn.invalid}",
        "isbn,  0-940016-73-7,   0-940016-73-8,  {citation.isbn.invalid}",
        "isbn,  9791090636071,   9791090636072,  {citation.isbn.invalid}",
        "pages, 361–386,         386-361,        {citation.pages.invalid}",
        "pages, e1234,           1-5000,         {citation.pages.invalid}",
        "pages, S12-S19,         see abstract,   {citation.pages.invalid}"
    })
    void acceptsValidAndRefusesInvalidValuesWithTheMessageKey(String field, String valid, String invalid,
            String template) {
        assertThat(validator.validateValue(Citation.class, field, valid)).isEmpty();

        Set<ConstraintViolation<Citation>> violations = validator.validateValue(Citation.class, field, invalid);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.getPropertyPath()).hasToString(field);
            assertThat(violation.getMessageTemplate()).isEqualTo(template);
            assertThat(violation.getInvalidValue()).isEqualTo(invalid);
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankIsValidBecauseRequiredIsASeparateRule(String blank) {
        for (String field : new String[] {"doi", "issn", "eissn", "isbn", "pages"}) {
            assertThat(validator.validateValue(Citation.class, field, blank)).as(field).isEmpty();
        }
    }

    @Test
    void theYearMayBeNextYearButNotLater() {
        assertThat(validator.validateValue(Citation.class, "year", 2025)).isEmpty();
        assertThat(validator.validateValue(Citation.class, "year", 2026)).isEmpty();
        assertThat(validator.validateValue(Citation.class, "year", 1935)).isEmpty();
        assertThat(validator.validateValue(Citation.class, "year", null)).isEmpty();

        assertThat(validator.validateValue(Citation.class, "year", 2027)).singleElement()
                .extracting(ConstraintViolation::getMessageTemplate)
                .isEqualTo("{citation.year.future}");
    }

    @Test
    void reportsEveryBadFieldOfAWholeCitationOnce() {
        Citation citation = Citation.builder()
                .doi("10.abc/x")
                .issn("0317-8472")
                .isbn("0306406153")
                .pages("386-361")
                .year(2099)
                .build();

        assertThat(validator.validate(citation))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("doi", "issn", "isbn", "pages", "year");
    }

    @Test
    void aGoodCitationHasNoViolations() {
        Citation citation = Citation.builder()
                .genre(CitationGenre.ARTICLE)
                .doi("https://doi.org/10.1103/PhysRev.47.777")
                .issn("0031-899X")
                .pages("777-780")
                .year(1935)
                .build();

        assertThat(validator.validate(citation)).isEmpty();
    }

    @Test
    void theMessageKeysInterpolateFromTheApplicationsBundleInChineseAndEnglish() {
        assertThat(messageFor(Locale.SIMPLIFIED_CHINESE, "issn", "0317-8472"))
                .isEqualTo("ISSN 无效：应为 8 位（如 0317-8471），且最后一位校验位须正确。");
        assertThat(messageFor(Locale.ENGLISH, "year", 2027))
                .isEqualTo("The year of publication cannot be later than next year.");
    }

    private static String messageFor(Locale locale, String field, Object value) {
        try (ValidatorFactory localised = Validation.byProvider(HibernateValidator.class).configure()
                .clockProvider(() -> MID_2025)
                .messageInterpolator(new ResourceBundleMessageInterpolator(
                        bundleLocale -> bundleLocale.getLanguage().equals("zh")
                                ? new ChineseMessages() : new EnglishMessages(),
                        Set.of(locale), locale, resolverContext -> locale, false))
                .buildValidatorFactory()) {
            return localised.getValidator().validateValue(Citation.class, field, value)
                    .iterator().next().getMessage();
        }
    }

    /** Stands in for the application's messages_zh.properties. */
    static class ChineseMessages extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {
                {"citation.issn.invalid",
                    "ISSN 无效：应为 8 位（如 0317-8471），且最后一位校验位须正确。"},
                {"citation.year.future", "出版年份不能晚于明年。"}
            };
        }
    }

    /** Stands in for the application's messages_en.properties. */
    static class EnglishMessages extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {
                {"citation.issn.invalid",
                    "This is not a valid ISSN: 8 characters such as 0317-8471, with a correct check digit."},
                {"citation.year.future", "The year of publication cannot be later than next year."}
            };
        }
    }
}
