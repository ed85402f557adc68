package org.illflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * illflow: inter-library loan and document delivery on Camunda Platform 7.
 * The engine, the Camunda webapps and our portal run in this one Spring Boot application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IllflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(IllflowApplication.class, args);
    }
}
