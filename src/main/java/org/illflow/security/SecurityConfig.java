package org.illflow.security;

import static org.illflow.security.IllflowGroups.ROLE_ADMIN;
import static org.illflow.security.IllflowGroups.ROLE_STAFF;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * One login for everything. The portal's form login is the only login page; the Camunda webapps and the
 * REST API take the user Spring Security has authenticated (container-based authentication), so the engine's
 * authorizations apply to that user. Patrons get no webapp, staff get Tasklist, admins get everything.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/default/logout";

    /** Path patterns, not MVC patterns: the webapps and the REST API are not served by Spring MVC. */
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static RequestMatcher[] paths(String... patterns) {
        return java.util.Arrays.stream(patterns).map(PATHS::matcher).toArray(RequestMatcher[]::new);
    }

    @Bean
    AuthenticationManager authenticationManager(IdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /**
     * {@code POST /iso18626}, where partner libraries' systems send ISO 18626 messages: open to any caller, with no
     * session, no login and no CSRF token, because a partner's machine has none of them. It is not unauthenticated:
     * every message names its sender and carries the account id and security code registered for that partner,
     * and {@code iso18626.Iso18626Receiver} refuses it otherwise. Only this one path; it changes nothing else.
     */
    @Bean
    @Order(0)
    SecurityFilterChain iso18626Chain(HttpSecurity http) throws Exception {
        http.securityMatcher(PATHS.matcher("/iso18626"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable());
        return http.build();
    }

    /** The Camunda REST API: HTTP Basic against the same accounts, no session, staff and admins only. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PATHS.matcher("/engine-rest/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(ROLE_STAFF, ROLE_ADMIN))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no session and no CSRF token; a browser caches Basic credentials though, so a cross-site form
                // could post with them: changes need a header no form can send (EngineRestBrowserGuard)
                .csrf(c -> c.disable())
                .addFilterBefore(new EngineRestBrowserGuard(), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http, LocaleResolver localeResolver, PatronAccounts patrons)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(paths("/", "/login", "/register", "/register/**", "/activate", "/css/**", "/js/**",
                                "/images/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health", "/resources")).permitAll()
                        // a partner library fetches a scanned copy by its link: the random token is the authorisation
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/partner-copies/*")).permitAll()
                        .requestMatchers(paths("/camunda/app/cockpit/**", "/camunda/app/admin/**",
                                "/camunda/api/cockpit/**")).hasRole(ROLE_ADMIN)
                        // every webapp, Tasklist too, reads the signed-in user from the admin auth resource
                        .requestMatchers(paths("/camunda/api/admin/auth/**")).hasAnyRole(ROLE_STAFF, ROLE_ADMIN)
                        .requestMatchers(paths("/camunda/api/admin/**")).hasRole(ROLE_ADMIN)
                        .requestMatchers(paths("/camunda/**")).hasAnyRole(ROLE_STAFF, ROLE_ADMIN)
                        .requestMatchers(paths("/admin/**")).hasRole(ROLE_ADMIN)
                        .requestMatchers(paths("/staff/**")).hasAnyRole(ROLE_STAFF, ROLE_ADMIN)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .successHandler(loginSuccess(localeResolver, patrons))
                        .failureHandler(loginFailure()))
                .logout(l -> l.logoutRequestMatcher(new OrRequestMatcher(
                                PATHS.matcher(HttpMethod.POST, "/logout"), webappLogout()))
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID")
                        .logoutSuccessHandler(logoutSuccess()))
                // the JSON API answers 401; pages, Tasklist and Cockpit send the visitor to the login page
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                PATHS.matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(loginPage(), AnyRequestMatcher.INSTANCE))
                .headers(h -> SecurityHeaders.configure(h, PATHS.matcher("/camunda/**")))
                // The Camunda webapps carry their own CSRF protection (XSRF-TOKEN cookie + X-XSRF-TOKEN header,
                // checked by Camunda's CsrfPreventionFilter behind this chain); everything else uses Spring's.
                .csrf(c -> c.ignoringRequestMatchers(PATHS.matcher("/camunda/**")));
        return http.build();
    }

    /** A relative redirect to the login page: the Location never names the host the request claimed (Host header). */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /**
     * Tasklist's and Cockpit's "Log out" also ends the portal session, so logging out anywhere logs out
     * everywhere. Only a request that carries Camunda's XSRF header matching its cookie counts, so another site
     * cannot log a user out.
     */
    private static RequestMatcher webappLogout() {
        RequestMatcher path = PATHS.matcher(HttpMethod.POST, WEBAPP_LOGOUT);
        return request -> path.matches(request) && xsrfHeaderMatchesCookie(request);
    }

    private static boolean xsrfHeaderMatchesCookie(HttpServletRequest request) {
        String header = request.getHeader("X-XSRF-TOKEN");
        if (header == null || header.isBlank() || request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if ("XSRF-TOKEN".equals(cookie.getName()) && header.equals(cookie.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static LogoutSuccessHandler logoutSuccess() {
        return (request, response, authentication) -> {
            if (request.getRequestURI().endsWith(WEBAPP_LOGOUT)) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?logout");
            }
        };
    }

    /** A wrong account or password, or (the same for every account) too many wrong tries from this client. */
    private static AuthenticationFailureHandler loginFailure() {
        SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        SimpleUrlAuthenticationFailureHandler throttled = new SimpleUrlAuthenticationFailureHandler("/login?throttled");
        return (request, response, exception) -> (exception instanceof IdentityAuthenticationProvider.LoginThrottledException
                ? throttled : wrong).onAuthenticationFailure(request, response, exception);
    }

    /** After login the portal speaks the patron's preferred language. */
    private static SavedRequestAwareAuthenticationSuccessHandler loginSuccess(LocaleResolver localeResolver,
            PatronAccounts patrons) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws jakarta.servlet.ServletException, java.io.IOException {
                String language = patrons.preferredLanguage(authentication.getName());
                if (language != null) {
                    localeResolver.setLocale(request, response, Locale.forLanguageTag(language));
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        // the saved request was recorded with the Host the browser sent; go back to its path only
        handler.setRedirectStrategy(SecurityHeaders.PATH_ONLY_REDIRECTS);
        return handler;
    }

    /** Tasklist, Cockpit and Admin take the Spring Security user; registered after Spring's filter chain. */
    @Bean
    FilterRegistrationBean<Filter> camundaWebappAuthenticationFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-container-authentication");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                CamundaWebappAuthentication.class.getName()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** The REST API runs as the authenticated user, so engine authorizations apply to it as well. */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, CamundaWebappAuthentication.class.getName(),
                ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest"));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/engine-rest/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
