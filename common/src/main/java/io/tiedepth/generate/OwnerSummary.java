package io.tiedepth.generate;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * What generating one owner produced: where its export is, its size, rows per file, and its {@link OwnerTruth}.
 * Small and serializable: Spark tasks return one per owner.
 *
 * @param path     the export's path relative to the inbox
 * @param exportId the export_id ingest will give it (SHA-256 of the zip, or of the folder's files; see ExportIds)
 * @param bytes    bytes on disk
 * @param rows     data rows per member file
 */
public record OwnerSummary(int index, String platform, String era, boolean zipped, String path, String exportId,
                           long bytes, TreeMap<String, Long> rows, OwnerTruth truth) implements Serializable {

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
