package org.illflow.borrowing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import org.illflow.archive.ArchiveSettings;
import org.springframework.stereotype.Component;

/**
 * Fetches the PDF a partner library's CopyCompleted points to. Only {@code http}/{@code https} URLs without a
 * user or password; redirects are followed (at most three) only to the same host and scheme family, never to
 * another host — a partner that hands out a link elsewhere gets its copy uploaded by staff instead; the body is
 * read up to the archive's size limit and no further. Whether it is a readable PDF is the archive's check, as
 * for uploads. The host itself is not restricted: the URL comes from an authenticated partner's message (see
 * docs/iso18626.md for this decision).
 */
@Component
class CopyFetcher {

    private static final int MAX_REDIRECTS = 3;

    /** Why a copy could not be fetched, in a sentence for the timeline. */
    static final class NotFetched extends Exception {
        NotFetched(String message) {
            super(message, null, false, false);
        }
    }

    private final ArchiveSettings archive;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    CopyFetcher(ArchiveSettings archive) {
        this.archive = archive;
    }

    byte[] fetch(String url) throws NotFetched {
        URI uri = checked(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<InputStream> response;
            try {
                response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new NotFetched("the partner's server did not answer (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotFetched("interrupted");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                close(response);
                String location = response.headers().firstValue("Location").orElseThrow(
                        () -> new NotFetched("redirect " + status + " without a Location"));
                URI next = checked(uri.resolve(location).toString());
                if (!next.getHost().toLowerCase(Locale.ROOT).equals(host)) {
                    throw new NotFetched("the URL redirects to another host (" + next.getHost() + ")");
                }
                uri = next;
                continue;
            }
            if (status != 200) {
                close(response);
                throw new NotFetched("the partner's server answered " + status);
            }
            return body(response);
        }
        throw new NotFetched("more than " + MAX_REDIRECTS + " redirects");
    }

    private byte[] body(HttpResponse<InputStream> response) throws NotFetched {
        long limit = archive.getMaxFileSize().toBytes();
        if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > limit) {
            close(response);
            throw new NotFetched("the file is larger than " + archive.getMaxFileSize());
        }
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new NotFetched("the file is larger than " + archive.getMaxFileSize());
            }
            return bytes;
        } catch (IOException e) {
            throw new NotFetched("the download broke off (" + e.getClass().getSimpleName() + ")");
        }
    }

    static URI checked(String url) throws NotFetched {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new NotFetched("only http and https URLs are fetched");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new NotFetched("the URL has no host, or a user or password in it");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new NotFetched("not a URL");
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing more to read from it
        }
    }
}
