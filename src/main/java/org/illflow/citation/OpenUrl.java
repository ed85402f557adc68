package org.illflow.citation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads OpenURL 1.0 (Z39.88-2004 KEV) and legacy 0.1 links into a {@link Citation}.
 *
 * <p>Nothing here rejects a malformed value: an ISSN with a wrong check digit is kept as sent, so
 * the request form can show it with a field error instead of losing what the database told us.
 */
public final class OpenUrl {

    /**
     * The longest query illflow reads. Real links carry a few hundred characters, discovery systems with many
     * authors and an abstract a few kilobytes; the server's own header limit ({@code server.max-http-request-
     * header-size}) is set above this, so a longer link gets illflow's message rather than the server's bare 400.
     */
    public static final int DEFAULT_MAX_QUERY_LENGTH = 16_384;

    /** The longest source database name kept on a request. */
    public static final int MAX_SOURCE_LENGTH = 100;

    // Line breaks and tabs become spaces; every other control character (C0, DEL, C1) is dropped.
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\r\\n]+");
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}");

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?:\\d{4}|\\d{2})?(?!\\d)");
    private static final Pattern DOI_RESOLVER = Pattern.compile(
            "^https?://(?:dx\\.|www\\.)?doi\\.org/", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Set<String> MAPPED_KEYS = Set.of(
            "rft.genre", "rft.atitle", "rft.jtitle", "rft.stitle", "rft.title", "rft.btitle",
            "rft.issn", "rft.eissn", "rft.isbn", "rft.eisbn", "rft.doi", "rft.pmid", "rft_id",
            "rft.volume", "rft.issue", "rft.spage", "rft.epage", "rft.pages", "rft.artnum",
            "rft.date", "rft.year", "rft.pubdate",
            "rft.aulast", "rft.aufirst", "rft.auinit", "rft.auinit1", "rft.auinitm", "rft.au", "rft.aucorp",
            "rft.pub", "rft.publisher", "rft.place", "rft.edition");

    private OpenUrl() {
    }

    /**
     * @param query decoded query parameters; a key may carry several values
     */
    public static OpenUrlRequest parse(Map<String, List<String>> query) {
        Objects.requireNonNull(query, "query");
        OpenUrlVersion version = versionOf(query.keySet());
        Fields fields = Fields.of(query, version);
        return new OpenUrlRequest(citationOf(fields), version, fields.first("rfr_id", "sid"),
                fields.ignoredKeys());
    }

    /**
     * The source database named by a referrer: {@code info:sid/primo.exlibrisgroup.com-01NWU_ALMA} gives
     * {@code primo.exlibrisgroup.com-01NWU_ALMA}, the 0.1 {@code Entrez:PubMed} stays as it is. Null when absent.
     */
    public static String sourceDatabase(String referrer) {
        if (referrer == null) {
            return null;
        }
        String source = withoutControls(referrer).strip();
        if (source.toLowerCase(Locale.ROOT).startsWith("info:sid/")) {
            source = source.substring("info:sid/".length()).strip();
        }
        if (source.isEmpty()) {
            return null;
        }
        return source.length() <= MAX_SOURCE_LENGTH ? source : source.substring(0, MAX_SOURCE_LENGTH);
    }

    /** Drops control characters a value must not carry into a form, a mail or a report. */
    static String withoutControls(String value) {
        return CONTROLS.matcher(LINE_BREAKS.matcher(value).replaceAll(" ")).replaceAll("");
    }

    public static Map<String, List<String>> parseQueryString(String rawQuery) {
        return parseQueryString(rawQuery, DEFAULT_MAX_QUERY_LENGTH);
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} query as UTF-8, keeping the order of the
     * keys. A stray '%' that starts no escape is kept as it is.
     *
     * @throws IllegalArgumentException when the query is longer than {@code maxLength} characters
     */
    public static Map<String, List<String>> parseQueryString(String rawQuery, int maxLength) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        if (rawQuery.length() > maxLength) {
            throw new IllegalArgumentException("The OpenURL query is " + rawQuery.length()
                    + " characters long; at most " + maxLength + " are accepted");
        }
        String query = rawQuery.startsWith("?") ? rawQuery.substring(1) : rawQuery;
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = PercentEncoding.decode(equals < 0 ? pair : pair.substring(0, equals), true);
            if (key.isBlank()) {
                continue;
            }
            String value = equals < 0 ? "" : PercentEncoding.decode(pair.substring(equals + 1), true);
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((key, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(parameters);
    }

    // The listener-openurl rule: only 1.0 has referent keys.
    private static OpenUrlVersion versionOf(Set<String> keys) {
        boolean hasReferentKey = keys.stream().filter(Objects::nonNull)
                .map(key -> key.strip().toLowerCase(Locale.ROOT))
                .anyMatch(key -> key.startsWith("rft_") || key.startsWith("rft."));
        return hasReferentKey ? OpenUrlVersion.V1_0 : OpenUrlVersion.V0_1;
    }

    private static Citation citationOf(Fields f) {
        ReferentIds ids = ReferentIds.of(f.all("rft_id"));
        String isbn = firstPresent(f.first("rft.isbn"), ids.isbn(), f.first("rft.eisbn"));
        String issn = firstPresent(f.first("rft.issn"), ids.issn());
        String pmid = firstPresent(f.first("rft.pmid"), ids.pmid());
        CitationGenre genre = genreOf(f, isbn != null, issn != null || pmid != null || f.has("rft.eissn"));
        Titles titles = Titles.of(genre, f);
        return Citation.builder()
                .genre(genre)
                .title(titles.title())
                .journal(titles.container())
                .authors(authorsOf(f))
                .issn(issn)
                .eissn(f.first("rft.eissn"))
                .isbn(isbn)
                .doi(firstPresent(f.first("rft.doi"), ids.doi()))
                .pmid(pmid)
                .volume(f.first("rft.volume"))
                .issue(f.first("rft.issue"))
                .pages(pagesOf(f))
                .year(yearOf(f))
                .publisher(f.first("rft.pub", "rft.publisher"))
                .place(f.first("rft.place"))
                .edition(f.first("rft.edition"))
                .build();
    }

    /**
     * The stated genre wins, then the metadata format; links that state neither (the 360 Link
     * example) still say what they are through their keys.
     */
    private static CitationGenre genreOf(Fields f, boolean hasIsbn, boolean hasSerialId) {
        CitationGenre genre = CitationGenre.fromOpenUrl(f.first("rft.genre"));
        if (genre == CitationGenre.UNKNOWN) {
            genre = genreOfFormat(f.first("rft_val_fmt"));
        }
        if (genre == CitationGenre.UNKNOWN) {
            if (hasIsbn || f.has("rft.btitle")) {
                genre = CitationGenre.BOOK;
            } else if (hasSerialId || f.has("rft.jtitle") || f.has("rft.stitle") || f.has("rft.atitle")) {
                genre = CitationGenre.ARTICLE;
            }
        }
        return genre == CitationGenre.BOOK && hasChapterTitle(f) ? CitationGenre.CHAPTER : genre;
    }

    private static CitationGenre genreOfFormat(String valueFormat) {
        String format = valueFormat == null ? "" : valueFormat.toLowerCase(Locale.ROOT);
        if (format.endsWith(":journal")) {
            return CitationGenre.ARTICLE;
        }
        return format.endsWith(":book") ? CitationGenre.BOOK : CitationGenre.UNKNOWN;
    }

    // Some book links repeat the book title in atitle; only a different title names a chapter.
    private static boolean hasChapterTitle(Fields f) {
        String articleTitle = f.first("rft.atitle");
        return articleTitle != null
                && !TitleKey.of(articleTitle).equals(TitleKey.of(f.first("rft.btitle", "rft.title")));
    }

    private static String authorsOf(Fields f) {
        List<String> names = new ArrayList<>();
        List<String> lastNames = f.all("rft.aulast");
        List<String> firstNames = f.all("rft.aufirst");
        List<String> initials = f.all("rft.auinit");
        for (int i = 0; i < lastNames.size(); i++) {
            String given = i < firstNames.size() ? firstNames.get(i)
                    : i < initials.size() ? initials.get(i)
                    : i == 0 ? joinPresent(" ", f.first("rft.auinit1"), f.first("rft.auinitm"))
                    : null;
            names.add(given == null ? lastNames.get(i) : lastNames.get(i) + ", " + given);
        }
        // rft.au often repeats the first author already given as aulast/aufirst
        Stream.concat(f.all("rft.au").stream(), f.all("rft.aucorp").stream())
                .filter(name -> names.stream().noneMatch(known -> sameName(known, name)))
                .forEach(names::add);
        return names.isEmpty() ? null : String.join("; ", names);
    }

    private static boolean sameName(String a, String b) {
        return nameTokens(a).equals(nameTokens(b));
    }

    private static List<String> nameTokens(String name) {
        return Arrays.stream(NAME_SEPARATORS.split(name.toLowerCase(Locale.ROOT)))
                .filter(token -> !token.isEmpty())
                .sorted()
                .toList();
    }

    private static String pagesOf(Fields f) {
        String startPage = f.first("rft.spage");
        String endPage = f.first("rft.epage");
        if (startPage != null && endPage != null) {
            return startPage.equals(endPage) ? startPage : startPage + "-" + endPage;
        }
        return firstPresent(f.first("rft.pages"), startPage, f.first("rft.artnum"));
    }

    private static Integer yearOf(Fields f) {
        return Stream.of("rft.date", "rft.year", "rft.pubdate")
                .flatMap(key -> f.all(key).stream())
                .map(YEAR::matcher)
                .filter(Matcher::find)
                .map(matcher -> Integer.valueOf(matcher.group(1)))
                .findFirst()
                .orElse(null);
    }

    private static String firstPresent(String... values) {
        return Arrays.stream(values).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String joinPresent(String separator, String... parts) {
        List<String> present = Arrays.stream(parts).filter(Objects::nonNull).toList();
        return present.isEmpty() ? null : String.join(separator, present);
    }

    /** The title and its container, placed by genre; see {@link Citation#journal()}. */
    private record Titles(String title, String container) {

        static Titles of(CitationGenre genre, Fields f) {
            return switch (genre) {
                // EBSCO and ProQuest send the journal title in rft.title
                case ARTICLE, PROCEEDING -> new Titles(f.first("rft.atitle"),
                        f.first("rft.jtitle", "rft.btitle", "rft.title", "rft.stitle"));
                case CHAPTER -> new Titles(f.first("rft.atitle"), f.first("rft.btitle", "rft.title", "rft.jtitle"));
                case BOOK -> new Titles(f.first("rft.btitle", "rft.title", "rft.atitle"), null);
                case UNKNOWN -> new Titles(f.first("rft.atitle", "rft.btitle", "rft.title"),
                        f.first("rft.jtitle", "rft.stitle"));
            };
        }
    }

    /** Identifiers carried in rft_id URIs. */
    private record ReferentIds(String doi, String pmid, String isbn, String issn) {

        static ReferentIds of(List<String> uris) {
            return new ReferentIds(
                    firstMatch(uris, ReferentIds::doiOf),
                    firstMatch(uris, uri -> remainder(uri, "info:pmid/")),
                    firstMatch(uris, uri -> remainder(uri, "urn:isbn:")),
                    firstMatch(uris, uri -> remainder(uri, "urn:issn:")));
        }

        private static String firstMatch(List<String> uris, Function<String, Optional<String>> reader) {
            return uris.stream().map(reader).flatMap(Optional::stream).findFirst().orElse(null);
        }

        // Besides info:doi/, some databases send the resolver link itself.
        private static Optional<String> doiOf(String uri) {
            Matcher resolver = DOI_RESOLVER.matcher(uri);
            return resolver.find() ? nonEmpty(uri.substring(resolver.end())) : remainder(uri, "info:doi/");
        }

        private static Optional<String> remainder(String uri, String lowerCasePrefix) {
            return uri.toLowerCase(Locale.ROOT).startsWith(lowerCasePrefix)
                    ? nonEmpty(uri.substring(lowerCasePrefix.length()))
                    : Optional.empty();
        }

        private static Optional<String> nonEmpty(String text) {
            String stripped = text.strip();
            return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
        }
    }

    /**
     * The query's values under their 1.0 names, trimmed, with empty values dropped. A 0.1 link is
     * converted key by key as the 0.1-to-1.0 mapping says.
     */
    private static final class Fields {

        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final List<String> ignoredKeys = new ArrayList<>();

        static Fields of(Map<String, List<String>> query, OpenUrlVersion version) {
            Fields fields = new Fields();
            query.forEach((key, rawValues) -> {
                if (key != null && rawValues != null) {
                    fields.add(withoutControls(key).strip(), rawValues, version);
                }
            });
            return fields;
        }

        private void add(String key, List<String> rawValues, OpenUrlVersion version) {
            List<String> present = rawValues.stream()
                    .filter(Objects::nonNull)
                    .map(OpenUrl::withoutControls)
                    .map(String::strip)
                    .filter(value -> !value.isEmpty())
                    .toList();
            if (present.isEmpty()) {
                return;
            }
            String name = key.toLowerCase(Locale.ROOT);
            if (isEnvelope(name)) {
                put(name, present);
                return;
            }
            String version10Name = version == OpenUrlVersion.V0_1 ? legacyKey(name) : name;
            if (!MAPPED_KEYS.contains(version10Name)) {
                if (!ignoredKeys.contains(key)) {
                    ignoredKeys.add(key);
                }
                return;
            }
            put(version10Name, version == OpenUrlVersion.V0_1 && name.equals("id")
                    ? present.stream().map(Fields::legacyId).toList()
                    : present);
        }

        private static boolean isEnvelope(String name) {
            return name.startsWith("url_") || name.startsWith("ctx_")
                    || name.equals("rft_val_fmt") || name.equals("rfr_id") || name.equals("sid");
        }

        private static String legacyKey(String name) {
            return switch (name) {
                case "id" -> "rft_id";
                case "pid" -> "rft_dat";
                default -> "rft." + name;
            };
        }

        private static String legacyId(String id) {
            String lower = id.toLowerCase(Locale.ROOT);
            if (lower.startsWith("doi:")) {
                return "info:doi/" + id.substring(4).strip();
            }
            return lower.startsWith("pmid:") ? "info:pmid/" + id.substring(5).strip() : id;
        }

        private void put(String name, List<String> present) {
            values.computeIfAbsent(name, k -> new ArrayList<>()).addAll(present);
        }

        List<String> ignoredKeys() {
            return ignoredKeys;
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        /** The first value of the first of the keys that has one. */
        String first(String... names) {
            return Arrays.stream(names)
                    .map(values::get)
                    .filter(Objects::nonNull)
                    .map(list -> list.get(0))
                    .findFirst()
                    .orElse(null);
        }
    }
}
