package org.illflow.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP sink of the embedded default: GreenMail on a loopback port. Every notice really travels over SMTP
 * and can be read back (the admin outbox shows it). Port 0 picks a free port; the mail sender is pointed at
 * whatever port the server got.
 */
public class EmbeddedMailServer implements BeanPostProcessor, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final GreenMail greenMail;

    public EmbeddedMailServer(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            setup = setup.dynamicPort();
        }
        this.greenMail = new GreenMail(setup);
        this.greenMail.start();
        LOG.info("Embedded SMTP sink listening on 127.0.0.1:{}", port());
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSenderImpl sender) {
            sender.setHost("127.0.0.1");
            sender.setPort(port());
        }
        return bean;
    }

    public List<MimeMessage> receivedMessages() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    public Optional<MimeMessage> byMessageId(String messageId) {
        return receivedMessages().stream().filter(m -> {
            try {
                return messageId != null && messageId.equals(m.getMessageID());
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst();
    }

    /** Forgets every received mail (tests start from an empty mailbox). */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("could not purge the embedded mailboxes", e);
        }
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
