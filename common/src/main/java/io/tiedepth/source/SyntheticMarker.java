package io.tiedepth.source;

import java.nio.charset.StandardCharsets;

/**
 * The marker of a synthetic donation: {@value #FILE_NAME}, a small JSON file that {@code tiedepth generate} writes
 * at the root of every export it makes (folder and .zip). {@link ExportSource} recognises it by its file name alone
 * (no free text is read), leaves it out of the member list the readers see (a known non-data file, like
 * {@code .DS_Store}) and reports it with {@link ExportSource#synthetic()}; the ingest records it as the export warning
 * {@link #WARNING}, which the report counts. A real donation never holds this file; anyone can add it by hand, so
 * it marks data as synthetic, never proves data real.
 */
public final class SyntheticMarker {
    /** The marker's file name, at the export's root (or inside its single wrapper folder). */
    public static final String FILE_NAME = "tiedepth-synthetic.json";

    /** The exact warning the ingest adds to a marked export ({@code exports.warnings}); a code, not prose to parse. */
    public static final String WARNING = "synthetic_export: written by tiedepth generate (" + FILE_NAME
            + "); not a donation";

    private static final byte[] CONTENT = ("{\"synthetic\": true, \"generator\": \"tiedepth generate\", "
            + "\"note\": \"Generated data: no real people. Results computed on it describe the generator's model, "
            + "not any population.\"}\n").getBytes(StandardCharsets.UTF_8);

    private SyntheticMarker() {
    }

    /** The marker's bytes (the same for every export, so generated exports stay byte-identical for a seed). */
    public static byte[] content() {
        return CONTENT.clone();
    }

    /** Whether a raw member path ('/'-separated) is the marker: at the root or one folder deep. */
    static boolean isMarker(String path) {
        int slash = path.indexOf('/');
        String rest = slash < 0 ? path : path.substring(slash + 1);
        return path.equals(FILE_NAME) || (slash > 0 && rest.equals(FILE_NAME));
    }
}
