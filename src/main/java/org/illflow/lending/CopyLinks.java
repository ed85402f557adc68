package org.illflow.lending;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links a partner library follows to fetch a copy this library scanned for it:
 * {@code <base-url>/partner-copies/<token>}. The partner's system (or its staff) has no login here, so the link
 * itself is the authorisation, and is made to be nothing more:
 * <ul>
 * <li>the token is 32 random bytes (base64url, 43 characters): it cannot be guessed or enumerated;</li>
 * <li>it serves one scanned document of one lending request, for {@code illflow.lending.copy-link-valid-for}
 * (30 days) and at most {@code copy-link-max-downloads} (5) times; then it answers 410;</li>
 * <li>only the token's SHA-256 is stored with the link; the token itself travels only in the CopyCompleted
 * message to the partner (which the ISO 18626 message log keeps as sent, for admins) and is never written to a
 * log line, a process variable or a page: log lines name the link's id.</li>
 * </ul>
 */
@Service
public class CopyLinks {

    public static final String PATH_PREFIX = "/partner-copies/";

    private static final Logger LOG = LoggerFactory.getLogger(CopyLinks.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** What following a link gives: the document, or why not. */
    public record Resolution(State state, Long documentId, String lendingNumber) {
        public enum State { FOUND, NOT_FOUND, GONE }
    }

    private final JdbcTemplate jdbc;
    private final LendingSettings settings;
    private final Clock clock;
    private final String baseUrl;

    CopyLinks(JdbcTemplate jdbc, LendingSettings settings, Clock clock, @Value("${illflow.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** A new link to the document for the lending request; returns its full URL. */
    @Transactional
    public String issue(LendingRequest lending, long documentId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        jdbc.update("""
                insert into lending_copy_link (lending_id, document_id, token_sha256, created_at, expires_at, downloads,
                    max_downloads) values (?, ?, ?, ?, ?, 0, ?)""", lending.id(), documentId, sha256(token),
                Timestamp.from(now), Timestamp.from(now.plus(settings.getCopyLinkValidFor())),
                settings.getCopyLinkMaxDownloads());
        LOG.info("copy link issued for lending request {}, valid for {}", lending.lendingNumber(),
                settings.getCopyLinkValidFor());
        return baseUrl + PATH_PREFIX + token;
    }

    /**
     * Follows a link: counts the download when it is valid. An unknown or malformed token is NOT_FOUND; an
     * expired or used-up one GONE.
     */
    @Transactional
    public Resolution follow(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return new Resolution(Resolution.State.NOT_FOUND, null, null);
        }
        record Link(long id, long documentId, Instant expiresAt, int downloads, int max, String number) {
        }
        Optional<Link> found = jdbc.query("""
                select l.id, l.document_id, l.expires_at, l.downloads, l.max_downloads, r.lending_number
                from lending_copy_link l join lending_request r on r.id = l.lending_id where l.token_sha256 = ?""",
                (rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                        rs.getInt(5), rs.getString(6)), sha256(token)).stream().findFirst();
        if (found.isEmpty()) {
            return new Resolution(Resolution.State.NOT_FOUND, null, null);
        }
        Link link = found.get();
        // counted with a condition, so two downloads at once cannot both take the last one
        boolean counted = !clock.instant().isBefore(link.expiresAt()) ? false : jdbc.update("""
                update lending_copy_link set downloads = downloads + 1 where id = ? and downloads < max_downloads""",
                link.id()) == 1;
        if (!counted) {
            LOG.info("copy link {} of lending request {} refused: expired or used up", link.id(), link.number());
            return new Resolution(Resolution.State.GONE, null, link.number());
        }
        LOG.info("copy link {} of lending request {} followed", link.id(), link.number());
        return new Resolution(Resolution.State.FOUND, link.documentId(), link.number());
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
