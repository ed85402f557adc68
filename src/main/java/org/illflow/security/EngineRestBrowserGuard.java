package org.illflow.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /engine-rest} authenticates with HTTP Basic and has no CSRF token. A browser that has sent Basic
 * credentials once repeats them on any request to the site, so another site's page could post a form there in a
 * staff member's name. Every call that changes something must therefore carry the header
 * {@value #REQUIRED_HEADER} (any value): scripts add it, a cross-site form cannot, and a cross-site script cannot
 * without a CORS permission illflow never gives. Requests a browser marks as coming from another site
 * ({@code Sec-Fetch-Site: cross-site} or {@code same-site}) are refused outright. Reads (GET, HEAD, OPTIONS)
 * are left alone. Runs before authentication, so a forged request does not even count as a login attempt.
 */
final class EngineRestBrowserGuard extends OncePerRequestFilter {

    static final String REQUIRED_HEADER = "X-Requested-With";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        boolean otherSite = "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site);
        boolean change = !READS.contains(request.getMethod());
        String marker = request.getHeader(REQUIRED_HEADER);
        if (otherSite || change && (marker == null || marker.isBlank())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "engine-rest: send the header " + REQUIRED_HEADER + " with every change (not from another site)");
            return;
        }
        chain.doFilter(request, response);
    }
}
