package io.tiedepth.pseudo;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@linkplain PersonKeys#urlKey URL key} of each profile URL of one export, normalised once: an export names the
 * same profiles in many rows (its connections, every message it sent or received, its invitations, and again when
 * its owner is recognised). Not thread-safe; one per export, so it holds no more than that export's URLs.
 */
public final class UrlKeys {
    private final Map<String, String> keys = new HashMap<>();

    /** As {@link PersonKeys#urlKey}, normalising each distinct {@code url} once. */
    public String of(String url) {
        return keys.computeIfAbsent(url, PersonKeys::urlKey);
    }
}
