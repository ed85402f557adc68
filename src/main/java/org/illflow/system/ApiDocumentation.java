package org.illflow.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** What the OpenAPI page says about the patron API. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI illflowApi() {
        return new OpenAPI().info(new Info().title("illflow patron API").version("1")
                .description("Document delivery and inter-library loan requests of the signed-in patron. "
                        + "Sign in through the portal; send the CSRF token (GET /staff/csrf for staff forms, or the "
                        + "_csrf value of any portal page) in the X-CSRF-TOKEN header on POST. Errors are "
                        + "application/problem+json (RFC 9457) in the language of the illflow-lang cookie."));
    }
}
