package io.tiedepth.source;

import java.io.IOException;

/**
 * An export that is, or holds, a symbolic link. Links are never followed: one could point at any file the job
 * can read ({@code /etc/passwd}, another study's data) and have it ingested as a donation. The message names no
 * path, since export paths may hold names.
 */
public final class SymbolicLinkException extends IOException {
    private static final long serialVersionUID = 1L;

    public SymbolicLinkException(String message) {
        super(message);
    }
}
