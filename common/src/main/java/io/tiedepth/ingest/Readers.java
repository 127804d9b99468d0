package io.tiedepth.ingest;

import io.tiedepth.ingest.facebook.FacebookReader;
import io.tiedepth.ingest.linkedin.LinkedInReader;
import io.tiedepth.ingest.twitter.TwitterReader;
import java.util.List;

/** Every platform reader, in the order platforms are tried on an export. */
public final class Readers {
    private Readers() {
    }

    public static List<ExportReader> all() {
        return List.of(new LinkedInReader(), new FacebookReader(), new TwitterReader());
    }
}
