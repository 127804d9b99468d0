package io.tiedepth.ingest.linkedin;

import io.tiedepth.ingest.ExportReader;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.util.List;

/** LinkedIn "Get a copy of your data" (placeholder: being written). */
public final class LinkedInReader implements ExportReader {
    @Override
    public String platform() {
        return "linkedin";
    }

    @Override
    public boolean recognises(ExportSource source) throws IOException {
        return source.find("Connections.csv").isPresent();
    }

    @Override
    public List<ParsedExport> read(ExportSource source) throws IOException, ReadException {
        throw new ReadException("not_implemented", "Cannot read LinkedIn export: reader not written yet",
                "Connections.csv", 0);
    }
}
