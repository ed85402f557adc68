package org.illflow.conversation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The conversation of a request on the JSON API, for the patron (and staff): {@code GET} lists it oldest first
 * (and marks the other side's messages read), {@code POST {"text": "…"}} writes (201; CSRF header as for every
 * change). Refusals are problem+json: 404 not your request, 403 staff of the other service, 400 empty or too long.
 */
@RestController
class MessageApiController {

    /** What a client sends. */
    record NewMessage(String text) {
    }

    private final RequestMessages messages;

    MessageApiController(RequestMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/api/requests/{number}/messages")
    List<RequestMessage> conversation(@PathVariable String number, Authentication who) {
        return messages.open(number, who);
    }

    @PostMapping("/api/requests/{number}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    RequestMessage write(@PathVariable String number, @RequestBody NewMessage message, Authentication who) {
        return messages.write(number, who, message == null ? null : message.text());
    }
}
