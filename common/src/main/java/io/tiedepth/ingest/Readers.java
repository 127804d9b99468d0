package io.tiedepth.ingest;

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
     * The network-dataset reader comes first: its descriptor file is an explicit declaration, and a dataset
     * folder may hold files that look like a platform's (a {@code Connections.csv} edge list).
     */
    public static List<ExportReader> all() {
        return List.of(new NetworkReader(), new LinkedInReader(), new FacebookReader(), new TwitterReader());
    }
}
