package org.illflow.iso18626;

import java.io.ByteArrayInputStream;

import org.illflow.system.SafeXml;
import org.w3c.dom.Document;

/** Parses XML the tests wrote themselves (for direct schema validation). */
final class SafeXmlDocuments {

    private SafeXmlDocuments() {
    }

    static Document parse(byte[] xml) throws Exception {
        return SafeXml.documentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
