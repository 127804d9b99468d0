package io.tiedepth.ingest;

import io.tiedepth.model.ParsedExport;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.util.List;

/**
 * Reads one platform's exports. Implementations are plain Java (no Spark), stateless and thread-safe, live in
 * {@code io.tiedepth.ingest.<platform>}, and are listed in {@link Readers}.
 *
 * <p>Contract: every data row of every file read is counted in {@link ParsedExport#fileStats} as accepted or
 * rejected (with a {@link io.tiedepth.model.Reject}); a file that cannot be read at all yields one reject and a
 * warning; free text is reduced to counts (words, chars, has_note) before it leaves the reader; no message or
 * warning quotes content, names, URLs or e-mails.
 */
public interface ExportReader {

    /** The platform name written to every row (linkedin, facebook, twitter, network, canonical). */
    String platform();

    /** True when the files present identify this platform (never the archive's name). */
    boolean recognises(ExportSource source) throws IOException;

    /**
     * Reads the export. Most platforms yield one {@link ParsedExport}; a network dataset yields one per node
     * (each with a distinct {@link ParsedExport#part()}).
     *
     * @throws ReadException when the export as a whole cannot be read (e.g. the one required file is missing)
     */
    List<ParsedExport> read(ExportSource source) throws IOException, ReadException;
}
