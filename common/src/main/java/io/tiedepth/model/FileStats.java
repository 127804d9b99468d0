package io.tiedepth.model;

/**
 * Data rows of one file (header and preamble lines excluded): {@code read = accepted + rejected}. A row is
 * accepted when it produced canonical rows or a documented count (a hidden-profile connection is accepted into
 * {@code exports.hidden_profiles}); every rejected row has a {@link Reject}.
 */
public record FileStats(String file, long read, long accepted, long rejected) {

    public boolean balanced() {
        return read == accepted + rejected;
    }
}
