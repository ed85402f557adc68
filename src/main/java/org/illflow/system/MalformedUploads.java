package org.illflow.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart body the server cannot split (no boundary, a boundary that never comes, a truncated part) is the
 * caller's fault: 400, never 500. Spring meets it before it knows the handler, so this advice applies to every
 * controller: problem+json for the JSON endpoints, the error page with a reason for pages.
 */
@ControllerAdvice
class MalformedUploads {

    private final MessageSource messages;

    MalformedUploads(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MultipartException.class)
    Object malformed(MultipartException e, HttpServletRequest request, Locale locale) {
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        HttpStatus status = tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String key = tooLarge ? "api.tooLarge" : "upload.malformed";
        if (wantsJson(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, key, locale));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("reason", key);
        return page;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return path.startsWith("/api/") || path.startsWith("/staff/dd/")
                || accept != null && accept.contains("json") && !accept.contains("text/html");
    }
}
