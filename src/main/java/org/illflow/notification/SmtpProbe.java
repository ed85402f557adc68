package org.illflow.notification;

import java.util.Properties;

import jakarta.mail.MessagingException;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether the mail server answers now: a connection with short timeouts to the server the notices go to (the
 * sending itself waits much longer, see the SMTP timeouts in application.yml). Used by the health page and to
 * release waiting notices once the server is back.
 */
@Component
class SmtpProbe {

    private static final String TIMEOUT = "3000";

    private final JavaMailSender mailSender;

    SmtpProbe(JavaMailSender mailSender) {
        this.mailSender = mailSender;
    }

    boolean answers() {
        if (!(mailSender instanceof JavaMailSenderImpl sender)) {
            return true;
        }
        JavaMailSenderImpl probe = new JavaMailSenderImpl();
        probe.setHost(sender.getHost());
        probe.setPort(sender.getPort());
        probe.setProtocol(sender.getProtocol());
        probe.setUsername(sender.getUsername());
        probe.setPassword(sender.getPassword());
        Properties properties = new Properties();
        properties.putAll(sender.getJavaMailProperties());
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT);
        properties.setProperty("mail.smtp.timeout", TIMEOUT);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT);
        probe.setJavaMailProperties(properties);
        try {
            probe.testConnection();
            return true;
        } catch (MessagingException e) {
            return false;
        }
    }
}
