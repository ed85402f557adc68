package org.illflow.notification;

record RenderedMail(String subject, String html) {
}
