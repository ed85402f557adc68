package org.illflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MARCXML with a document type declaration is refused by the parser itself, whatever the file's encoding:
 * no external entity is fetched (a file of the server, a URL) and no internal entity is expanded.
 */
class MarcXmlEntityTest {

    @TempDir Path dir;

    private static MarcImport read(byte[] bytes) {
        return MarcHoldingsReader.read(new ByteArrayInputStream(bytes));
    }

    /** A record whose call number is the entity {@code &e;}. */
    private static String recordUsingEntity(String encoding, String doctype) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n" + doctype + "\n"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>00000cam a2200000 i 4500</leader>"
                + "<controlfield tag=\"001\">x1</controlfield>"
                + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Secret book</subfield></datafield>"
                + "<datafield tag=\"852\" ind1=\" \" ind2=\" \"><subfield code=\"b\">Main</subfield>"
                + "<subfield code=\"h\">&e;</subfield></datafield></record></collection>";
    }

    private Path secret() throws Exception {
        Path file = dir.resolve("credential.key");
        Files.writeString(file, "TOP-SECRET-KEY-0123456789");
        return file;
    }

    private static void assertRefusedWithoutLeak(byte[] bytes) {
        MarcImport result;
        try {
            result = read(bytes);
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageContaining("DOCTYPE");
            return;
        }
        // not refused as a whole: then at least nothing may have been read through the entity
        assertThat(result.holdings()).noneSatisfy(h -> assertThat(String.valueOf(h.callNumber())).contains("SECRET"));
        throw new AssertionError("a MARCXML file with a DOCTYPE was read: " + result);
    }

    @Test
    void anEbcdicFileWithAnExternalEntityIsRefused() throws Exception {
        String xml = recordUsingEntity("IBM037", "<!DOCTYPE collection [<!ENTITY e SYSTEM \"" + secret().toUri() + "\">]>");
        byte[] ebcdic = xml.getBytes(Charset.forName("IBM037"));
        // the byte-level look for "<!DOCTYPE" cannot see it in EBCDIC
        assertThat(new String(ebcdic, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("DOCTYPE");

        assertRefusedWithoutLeak(ebcdic);

        // the trick that slipped past the byte check: the declaration in ASCII, the rest in EBCDIC
        String declaration = xml.substring(0, xml.indexOf("?>") + 2);
        byte[] head = declaration.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = xml.substring(declaration.length()).getBytes(Charset.forName("IBM037"));
        byte[] mixed = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, mixed, head.length, body.length);
        assertRefusedWithoutLeak(mixed);
    }

    @Test
    void utf16FilesWithAnExternalEntityAreRefused() throws Exception {
        String xml = recordUsingEntity("UTF-16", "<!DOCTYPE collection [<!ENTITY e SYSTEM \"" + secret().toUri() + "\">]>");
        assertRefusedWithoutLeak(xml.getBytes(java.nio.charset.StandardCharsets.UTF_16));     // with a BOM
        String be = recordUsingEntity("UTF-16BE", "<!DOCTYPE collection [<!ENTITY e SYSTEM \"" + secret().toUri() + "\">]>");
        assertRefusedWithoutLeak(be.getBytes(java.nio.charset.StandardCharsets.UTF_16BE));     // without one
        String utf32 = recordUsingEntity("UTF-32", "<!DOCTYPE collection [<!ENTITY e SYSTEM \"" + secret().toUri() + "\">]>");
        assertRefusedWithoutLeak(utf32.getBytes(Charset.forName("UTF-32")));
    }

    @Test
    void internalEntityExpansionIsRefused() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE collection [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY l").append(i).append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("<!ENTITY e \"&l9;\">]>");
        String xml = recordUsingEntity("IBM037", doctype.toString());

        assertThatThrownBy(() -> read(xml.getBytes(Charset.forName("IBM037"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> read(recordUsingEntity("UTF-8", doctype.toString())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void anEbcdicFileWithoutDoctypeStillImports() {
        String xml = recordUsingEntity("IBM037", "").replace("&e;", "QA76.6 .B46");

        MarcImport result = read(xml.getBytes(Charset.forName("IBM037")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.holdings()).singleElement()
                .satisfies(h -> assertThat(h.callNumber()).isEqualTo("QA76.6 .B46"));
    }
}
