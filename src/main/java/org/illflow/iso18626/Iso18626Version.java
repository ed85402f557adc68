package org.illflow.iso18626;

import java.util.Arrays;
import java.util.Optional;

/**
 * The schema versions illflow speaks. The namespace is the same for all of them
 * ({@link Iso18626#NAMESPACE}); the root's {@code ill:version} attribute tells them apart. 2021-2 is what
 * illflow writes unless a peer is registered as speaking 1.2.
 */
public enum Iso18626Version {

    /** The 2021 revision of the standard, schema 2021-2 (June 2022). */
    V2021_2("2021-2", "iso18626/ISO-18626-2021-2.xsd"),
    /** The 2017 minor revision, schema 1.2 (November 2017). */
    V1_2("1.2", "iso18626/ISO-18626-v1_2.xsd");

    private final String code;
    private final String schemaResource;

    Iso18626Version(String code, String schemaResource) {
        this.code = code;
        this.schemaResource = schemaResource;
    }

    /** The value of the {@code ill:version} attribute. */
    public String code() {
        return code;
    }

    String schemaResource() {
        return schemaResource;
    }

    public boolean is2021() {
        return this == V2021_2;
    }

    public static Optional<Iso18626Version> ofCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
