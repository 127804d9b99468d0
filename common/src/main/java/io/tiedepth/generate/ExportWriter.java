package io.tiedepth.generate;

import java.io.IOException;
import java.util.Map;

/**
 * Writes one generated owner's export in a platform's real on-disk format. Implementations are stateless and
 * deterministic: the same {@link SynthOwner} gives the same bytes. One per platform, listed in {@link #forPlatform}.
 */
public interface ExportWriter {

    /** The platform written (linkedin, facebook, twitter). */
    String platform();

    /**
     * Writes {@code owner}'s export into {@code sink}.
     *
     * @return data rows (or records) written per member file, header and preamble lines excluded
     */
    Map<String, Long> write(SynthOwner owner, ExportSink sink) throws IOException;

    /** Platforms with a writer. */
    java.util.List<String> PLATFORMS = java.util.List.of("linkedin", "facebook", "twitter");

    /** The writer of {@code platform}. */
    static ExportWriter forPlatform(String platform) {
        if (platform.equals("linkedin")) {
            return new LinkedInExportWriter();
        }
        if (platform.equals("facebook")) {
            return new FacebookExportWriter();
        }
        if (platform.equals("twitter")) {
            return new TwitterExportWriter();
        }
        throw new IllegalArgumentException("Cannot generate " + platform + " exports: no writer yet (available: "
                + String.join(", ", PLATFORMS) + ")");
    }
}
