package org.illflow.citation;

import java.util.List;

/**
 * What an incoming OpenURL asked for.
 *
 * @param referrer    the referring database ({@code rfr_id}, or the 0.1 {@code sid}); null when absent
 * @param ignoredKeys keys, as sent, whose values the citation does not keep: foreign keys such as
 *                    ILLiad's {@code Action} and metadata we do not map such as {@code rft.coden};
 *                    envelope keys ({@code url_*}, {@code ctx_*}, {@code rft_val_fmt}) are not listed
 */
public record OpenUrlRequest(Citation citation, OpenUrlVersion version, String referrer, List<String> ignoredKeys) {

    public OpenUrlRequest {
        ignoredKeys = List.copyOf(ignoredKeys);
    }
}
