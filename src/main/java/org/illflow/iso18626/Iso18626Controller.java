package org.illflow.iso18626;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /iso18626}: where partner libraries' systems send ISO 18626 messages. No login session and no CSRF
 * token (a partner's machine calls it; SecurityConfig has a chain of its own for this one path): each message is
 * authenticated by the account id and security code in its header ({@link Iso18626Receiver}).
 * <ul>
 * <li>The answer is the matching confirmation, {@code application/xml}, status 200 — an ERROR confirmation with
 * {@code errorData} for a message that is refused, whatever the reason (not XML, not valid, unknown partner,
 * wrong security code, unknown request): that is the protocol's answer, and it tells the partner not to send
 * the same message again.</li>
 * <li>A body larger than {@code illflow.iso18626.max-message-size} (1 MB) is refused with 413 without being read
 * beyond the limit; a body that does not say it is XML ({@code application/xml}, {@code text/xml} or
 * {@code …+xml}) with 415. Both carry an ERROR confirmation too.</li>
 * <li>Bad input never gets a 5xx or a stack trace. Only a failure of this server itself (its database cannot be
 * reached) is answered 503 with {@code Retry-After}, so that the partner sends the message again later.</li>
 * <li>A client address over its rate limit ({@link Iso18626RateLimit}) is answered 429 with {@code Retry-After}
 * before anything is read or logged; every refused message counts against its refused-message budget.</li>
 * </ul>
 */
@RestController
class Iso18626Controller {

    private static final Logger LOG = LoggerFactory.getLogger(Iso18626Controller.class);
    static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final Iso18626Receiver receiver;
    private final Iso18626Settings settings;
    private final Iso18626RateLimit rateLimit;

    Iso18626Controller(Iso18626Receiver receiver, Iso18626Settings settings, Iso18626RateLimit rateLimit) {
        this.receiver = receiver;
        this.settings = settings;
        this.rateLimit = rateLimit;
    }

    @PostMapping(path = "/iso18626")
    ResponseEntity<byte[]> receive(HttpServletRequest request) {
        String client = Iso18626RateLimit.clientKey(request.getRemoteAddr());
        Optional<Duration> wait = rateLimit.admit(client);
        if (wait.isPresent()) {
            // not read, not logged: the body stays unread (Tomcat drops the connection if it is large)
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(("too many messages from this address; send again in " + seconds + " s")
                            .getBytes(StandardCharsets.UTF_8));
        }
        Handled handled = handle(request);
        if (handled.refused()) {
            rateLimit.refused(client);
        }
        return handled.response();
    }

    /** The answer, and whether the message was refused (and so cost a row of the message log). */
    private record Handled(ResponseEntity<byte[]> response, boolean refused) {
    }

    private Handled handle(HttpServletRequest request) {
        try {
            long limit = settings.maxMessageBytes();
            long declared = request.getContentLengthLong();
            if (declared > limit) {
                return answer(HttpStatus.PAYLOAD_TOO_LARGE, receiver.refuseUnread(tooLarge(declared + " bytes")));
            }
            if (!isXml(request.getContentType())) {
                return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, receiver.refuseUnread("the Content-Type must be "
                        + "application/xml (or text/xml), not " + shorten(request.getContentType())));
            }
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                return answer(HttpStatus.PAYLOAD_TOO_LARGE, receiver.refuseUnread(tooLarge("more than " + limit
                        + " bytes")));
            }
            return answer(HttpStatus.OK, receiver.receive(body));
        } catch (IOException e) {
            // the partner stopped sending midway: there is nobody to answer
            LOG.info("ISO 18626 message not read completely: {}", e.getMessage());
            return new Handled(ResponseEntity.badRequest().build(), false);
        } catch (DataIntegrityViolationException e) {
            // a value the database cannot hold got past the checks: the message's fault, not the server's
            LOG.error("ISO 18626 message could not be stored", e);
            return answer(HttpStatus.OK, receiver.refuseUnread("the message could not be processed"));
        } catch (DataAccessException e) {
            LOG.error("ISO 18626 message could not be handled: the database is not available", e);
            return new Handled(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "300")
                    .build(), false);
        } catch (RuntimeException e) {
            // a message this code did not foresee: refused (and logged as such), never a 500 with a stack trace
            LOG.error("ISO 18626 message could not be handled", e);
            return answer(HttpStatus.OK, receiver.refuseUnread("the message could not be processed"));
        }
    }

    private String tooLarge(String size) {
        long max = settings.maxMessageBytes();
        String limit = max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MB" : max + " bytes";
        return "the message has " + size + "; this library reads messages of at most " + limit;
    }

    private static String shorten(String text) {
        return text == null ? "none" : Iso18626Schemas.shorten(text.length() > 80 ? text.substring(0, 80) : text);
    }

    private static Handled answer(HttpStatus status, Iso18626Receiver.Answer answer) {
        return new Handled(ResponseEntity.status(status).contentType(XML).body(answer.xml()), !answer.accepted());
    }

    static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/xml") || type.equals("text/xml")
                || (type.startsWith("application/") && type.endsWith("+xml"));
    }

    /** The body, or null when it is longer than {@code limit} bytes (what came beyond the limit is not kept). */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return body.length > limit ? null : body;
    }
}
