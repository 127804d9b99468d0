package io.tiedepth.ingest;

import io.tiedepth.ingest.canonical.CanonicalReader;
import io.tiedepth.ingest.facebook.FacebookReader;
import io.tiedepth.ingest.linkedin.LinkedInReader;
import io.tiedepth.ingest.network.NetworkReader;
import io.tiedepth.ingest.twitter.TwitterReader;
import java.util.List;

/** Every platform reader, in the order platforms are tried on an export. */
public final class Readers {
    private Readers() {
    }

    /**
     * The readers recognised by an explicit marker file come first: canonical tables ({@code
     * tiedepth-canonical.json}), then network datasets ({@code tiedepth-network.json}); such a folder may hold
     * files that look like a platform's (a {@code Connections.csv} edge list). An export holding both markers is
     * rejected by the canonical reader as ambiguous.
     */
    public static List<ExportReader> all() {
        return List.of(new CanonicalReader(), new NetworkReader(), new LinkedInReader(), new FacebookReader(),
                new TwitterReader());
    }
}
