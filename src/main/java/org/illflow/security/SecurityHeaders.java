package org.illflow.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of every answer. The portal gets a strict Content-Security-Policy (its own scripts and
 * styles only, no framing, forms only to itself); the Camunda webapps send their own, more permissive policy
 * (their embedded forms run scripts; see {@code camunda.bpm.webapp.header-security} in application.yml), so the
 * portal policy is not added there — two policies would both apply and break Tasklist. Referrer-Policy keeps
 * download links and request numbers from leaking to other sites. HSTS is sent on HTTPS requests, which behind a
 * TLS proxy are recognised from its X-Forwarded-Proto ({@code server.forward-headers-strategy}).
 */
final class SecurityHeaders {

    static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Redirects to the path (and query) of the target only, never to the scheme and host in it: a URL that Spring
     * recorded from the request carries whatever Host header the client sent.
     */
    static final RedirectStrategy PATH_ONLY_REDIRECTS = new RedirectStrategy() {
        @Override
        public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
                throws IOException {
            URI target = URI.create(url);
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            if (!path.startsWith("/") || path.startsWith("//")) {
                path = "/";
            }
            String location = target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
            response.sendRedirect(response.encodeRedirectURL(location));
        }
    };

    private SecurityHeaders() {
    }

    static void configure(HeadersConfigurer<?> headers, RequestMatcher webapps) {
        headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(webapps),
                        new ContentSecurityPolicyHeaderWriter(PORTAL_POLICY)));
    }
}
