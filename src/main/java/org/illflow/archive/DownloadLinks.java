package org.illflow.archive;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.illflow.security.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Download links for patrons: {@code /downloads/<token>}, where the token is 32 random bytes (base64url), valid
 * for illflow.archive.link-valid-for. Following a link needs a login as well: the link's patron, or staff. The
 * token is the only thing in the URL, and it is never logged (log lines name the link's id).
 */
@Service
public class DownloadLinks {

    /** Where the portal serves a link; a mail puts the base URL in front. */
    public static final String PATH_PREFIX = "/downloads/";

    private static final Logger LOG = LoggerFactory.getLogger(DownloadLinks.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    /** 32 bytes in base64url without padding are 43 characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final DownloadLinkRepository links;
    private final DocumentArchive archive;
    private final ArchiveSettings settings;
    private final Clock clock;

    DownloadLinks(DownloadLinkRepository links, DocumentArchive archive, ArchiveSettings settings, Clock clock) {
        this.links = links;
        this.archive = archive;
        this.settings = settings;
        this.clock = clock;
    }

    /** The path of a link, e.g. for a mail: {@code /downloads/<token>}. */
    public static String path(String token) {
        return PATH_PREFIX + token;
    }

    /** A new link to the document for the patron (user id = card number) of a request; returns its token. */
    @Transactional
    public String issue(long documentId, String requestNumber, String patronUserId) {
        if (requestNumber == null || requestNumber.isBlank() || patronUserId == null || patronUserId.isBlank()) {
            throw new IllegalArgumentException("a download link needs a request number and a patron");
        }
        if (archive.find(documentId).isEmpty()) {
            throw new NoSuchElementException("no archived document " + documentId);
        }
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        DownloadLink link = links.save(new DownloadLink(token, documentId, requestNumber.strip(), patronUserId.strip(),
                now, now.plus(settings.getLinkValidFor())));
        LOG.info("download link {} issued for request {}, valid until {}", link.getId(), link.getRequestNumber(),
                link.getExpiresAt());
        return token;
    }

    /**
     * What following the link gives this user: the document when the token exists, has not expired (engine
     * clock) and the user is the link's patron or staff. Unknown tokens and other patrons' links are
     * {@code NOT_FOUND}; an expired link is {@code GONE} (only to those who could have used it).
     */
    @Transactional(readOnly = true)
    public LinkResolution resolve(String token, Authentication who) {
        if (token == null || !TOKEN.matcher(token).matches() || !isSignedIn(who)) {
            return LinkResolution.notFound();
        }
        Optional<DownloadLink> found = links.findByToken(token);
        if (found.isEmpty()) {
            return LinkResolution.notFound();
        }
        DownloadLink link = found.get();
        if (!link.getPatronUserId().equals(who.getName()) && !SignedIn.isStaff(who)) {
            LOG.info("download link {} of request {} refused to user {}", link.getId(), link.getRequestNumber(),
                    who.getName());
            return LinkResolution.notFound();
        }
        if (link.expiredAt(clock.instant())) {
            return LinkResolution.gone();
        }
        return archive.find(link.getDocumentId())
                .map(document -> LinkResolution.found(document, link.getRequestNumber()))
                .orElseGet(LinkResolution::notFound);
    }

    private static boolean isSignedIn(Authentication who) {
        return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)
                && who.getName() != null;
    }

}
