package org.illflow.system;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON API speaks JSON only, and says so <b>before</b> a state-changing call runs: a POST whose
 * {@code Accept} the API cannot produce ({@code application/xml}, {@code text/csv}, a malformed {@code foo}) is
 * refused with 406 and nothing is stored — otherwise the request would be stored, its process started, and the
 * client told 406 afterwards, and it would retry into a duplicate. A body whose {@code Content-Type} is a
 * wildcard ({@code application/*}, {@code *}{@code /*}) or malformed is refused with 415. Reads are left to
 * Spring's own content negotiation (they write nothing). Runs after Spring Security, so a caller without
 * permission still gets 401/403 first.
 */
@Component
class ApiMediaTypes extends OncePerRequestFilter {

    private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final ObjectMapper json;

    ApiMediaTypes(MessageSource messages, LocaleResolver localeResolver, ObjectMapper json) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        return !path.startsWith("/api/") && !path.equals("/api")
                || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acceptsJson(request.getHeader("Accept"))) {
            refuse(request, response, HttpStatus.NOT_ACCEPTABLE, "api.notAcceptable");
            return;
        }
        if (!readableContentType(request.getContentType())) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.unsupportedMediaType");
            return;
        }
        chain.doFilter(request, response);
    }

    /** No Accept means anything; otherwise one of the accepted types (q > 0) must cover JSON. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .filter(type -> type.getQualityValue() > 0)
                    .anyMatch(type -> PRODUCED.stream().anyMatch(type::isCompatibleWith));
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException too
            return false;
        }
    }

    /** No body type at all is left to the handler (a call without a body); a wildcard or malformed one is not. */
    static boolean readableContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, key, locale));
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
