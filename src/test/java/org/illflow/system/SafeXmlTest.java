package org.illflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Both kinds of parser SafeXml hands out refuse DTDs in any encoding and read plain documents. */
class SafeXmlTest {

    @TempDir Path dir;

    private String withExternalEntity(String encoding) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET");
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><!DOCTYPE m [<!ENTITY e SYSTEM \""
                + secret.toUri() + "\">]><m>&e;</m>";
    }

    @Test
    void domAndSaxRefuseADoctypeInEbcdicUtf16AndUtf8() throws Exception {
        for (String encoding : new String[] {"IBM037", "UTF-16", "UTF-8"}) {
            byte[] bytes = withExternalEntity(encoding).getBytes(Charset.forName(encoding));
            assertThatThrownBy(() -> SafeXml.documentBuilder().parse(new ByteArrayInputStream(bytes)))
                    .as(encoding).isInstanceOf(SAXParseException.class).hasMessageContaining("DOCTYPE");
            var reader = SafeXml.saxReader();
            reader.setContentHandler(new DefaultHandler());
            assertThatThrownBy(() -> reader.parse(new InputSource(new ByteArrayInputStream(bytes))))
                    .as(encoding).isInstanceOf(SAXParseException.class).hasMessageContaining("DOCTYPE");
        }
    }

    @Test
    void plainDocumentsAreRead() throws Exception {
        Document document = SafeXml.documentBuilder().parse(new ByteArrayInputStream(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><m xmlns=\"urn:x\">图书</m>".getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTextContent()).isEqualTo("图书");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("urn:x");
    }
}
