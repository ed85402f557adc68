package org.illflow.citation;

/** Which OpenURL a link speaks: Z39.88-2004 (1.0) or the legacy 0.1 key set. */
public enum OpenUrlVersion {
    V1_0,
    V0_1
}
