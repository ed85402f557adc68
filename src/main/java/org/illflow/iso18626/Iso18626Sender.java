package org.illflow.iso18626;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.illflow.iso18626.Iso18626.Confirmation;
import org.illflow.iso18626.Iso18626.Envelope;
import org.illflow.iso18626.Iso18626Outbox.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. A scheduled job of its own, not a Camunda job: the outbox must keep each partner's messages
 * in order and let the oldest unsent one hold back the later ones, while Camunda jobs of different process
 * instances run in parallel in any order on any node; the outbox also serves callers outside any process. Every
 * {@code illflow.iso18626.outbox-poll} it takes, per partner, the oldest message that is due and sends it with the
 * JDK's HTTP client (connect and response time-outs from the settings); it goes on with that partner's next one
 * only after a confirmation. Several nodes may run it: a message is claimed by a conditional update first, and a
 * claim that outlives its node expires. Off in tests ({@code illflow.iso18626.outbox.enabled=false}), which call
 * {@link #sendDue()} themselves.
 */
@Component
public class Iso18626Sender {

    private static final Logger LOG = LoggerFactory.getLogger(Iso18626Sender.class);
    /** A confirmation is small; a partner answering more than this is not answering a confirmation. */
    private static final int MAX_CONFIRMATION_BYTES = 1 << 20;

    private final Iso18626Outbox outbox;
    private final Iso18626Peers peers;
    private final Iso18626Settings settings;
    private final boolean enabled;
    private final HttpClient http;

    Iso18626Sender(Iso18626Outbox outbox, Iso18626Peers peers, Iso18626Settings settings,
            @Value("${illflow.iso18626.outbox.enabled:true}") boolean enabled) {
        this.outbox = outbox;
        this.peers = peers;
        this.settings = settings;
        this.enabled = enabled;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${illflow.iso18626.outbox-poll:PT30S}")
    void poll() {
        if (enabled) {
            sendDue();
        }
    }

    /** Sends what is due, each partner's messages in order; returns how many were confirmed (OK or ERROR). */
    public int sendDue() {
        int confirmed = 0;
        for (int round = 0; round < 1000; round++) {
            var heads = outbox.dueHeads();
            if (heads.isEmpty()) {
                return confirmed;
            }
            int progress = 0;
            for (Item head : heads) {
                if (outbox.claim(head) && attempt(head)) {
                    progress++;
                }
            }
            if (progress == 0) {
                return confirmed; // every head failed this time or was taken by another node
            }
            confirmed += progress;
        }
        return confirmed;
    }

    /** One attempt; true when the partner answered with a confirmation. */
    private boolean attempt(Item item) {
        Iso18626Peer peer = peers.byId(item.peerId()).orElseThrow();
        String xml = outbox.xml(item, peer);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(peer.getEndpointUrl()))
                    .timeout(settings.sendTimeout())
                    .header("Content-Type", "application/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_CONFIRMATION_BYTES + 1);
            }
            if (body.length > MAX_CONFIRMATION_BYTES) {
                return failed(item, peer, "HTTP " + response.statusCode() + ": the answer is too large for a confirmation");
            }
            Envelope answer;
            try {
                answer = Iso18626Reader.read(body);
            } catch (Iso18626Refusal notAConfirmation) {
                return failed(item, peer, "HTTP " + response.statusCode() + ", no valid confirmation: "
                        + notAConfirmation.detail());
            }
            if (!(answer.message() instanceof Confirmation confirmation)) {
                return failed(item, peer, "HTTP " + response.statusCode() + ": the answer is a "
                        + answer.message().type() + ", not a confirmation");
            }
            outbox.confirmed(item, confirmation, new String(body, StandardCharsets.UTF_8));
            if (!confirmation.ok()) {
                LOG.warn("ISO 18626 message {} to {} was refused by the partner: {}", item.messageId(), peer.getCode(),
                        confirmation.errors());
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return failed(item, peer, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(item, peer, "interrupted");
        }
    }

    private boolean failed(Item item, Iso18626Peer peer, String error) {
        LOG.info("ISO 18626 message {} to {} not delivered (attempt {}): {}", item.messageId(), peer.getCode(),
                item.attempts() + 1, error);
        outbox.attemptFailed(item, error);
        return false;
    }
}
