package io.tiedepth.model;

import java.time.Instant;
import java.util.List;

/**
 * Pseudonymized canonical rows of one export, field for field as {@link io.tiedepth.schema.Schemas}. Nothing in
 * here identifies a person: ids are keyed hashes, and only derived numbers of free text remain.
 */
public final class Canonical {
    private Canonical() {
    }

    public record ExportRow(String exportId, String sourceId, String ownerId, String platform, String formatEra, String status,
                            long sizeBytes, List<FileStats> files, long hiddenProfiles, Instant windowStart,
                            Instant windowEnd, Instant ingestedAt, String parserVersion, List<String> warnings,
                            String timeOrigin, String derivedTies) {
        public static final String ABSOLUTE = "absolute";
        public static final String RELATIVE = "relative";

        /** An export with calendar times and declared ties. */
        public ExportRow(String exportId, String sourceId, String ownerId, String platform, String formatEra,
                         String status, long sizeBytes, List<FileStats> files, long hiddenProfiles, Instant windowStart,
                         Instant windowEnd, Instant ingestedAt, String parserVersion, List<String> warnings) {
            this(exportId, sourceId, ownerId, platform, formatEra, status, sizeBytes, files, hiddenProfiles,
                    windowStart, windowEnd, ingestedAt, parserVersion, warnings, ABSOLUTE, null);
        }

        public long rowsRead() {
            return files.stream().mapToLong(FileStats::read).sum();
        }

        public long rowsAccepted() {
            return files.stream().mapToLong(FileStats::accepted).sum();
        }

        public long rowsRejected() {
            return files.stream().mapToLong(FileStats::rejected).sum();
        }
    }

    public record TieRow(String exportId, String platform, String ownerId, String contactId, Instant connectedAt,
                         String connectedAtPrecision, String tieSource, String invitedBy, Boolean invitationHasNote,
                         boolean ended) {
    }

    public record InteractionRow(String exportId, String platform, String ownerId, String contactId, Instant at,
                                 String channel, String direction, String threadId, boolean isGroup, Integer words,
                                 Integer chars, Integer durationS) {
    }

    public record InvitationRow(String exportId, String platform, String ownerId, String counterpartId,
                                Instant sentAt, String direction, boolean hasNote) {
    }

    public record RejectRow(String exportId, String platform, String file, String location, String reasonCode,
                            String reason) {
    }

    /** Everything one export yields. */
    public record Export(ExportRow export, List<TieRow> ties, List<InteractionRow> interactions,
                         List<InvitationRow> invitations, List<RejectRow> rejects) {
    }
}
