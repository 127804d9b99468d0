package io.tiedepth.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a reader got out of one export, before pseudonymization. Mutable while the reader fills it; the
 * {@link io.tiedepth.ingest.Resolver} then turns it into canonical rows. Holds PII in memory only.
 */
public final class ParsedExport {
    private final String platform;
    private String formatEra = "unknown";
    private PersonRef owner;
    private final List<RawTie> ties = new ArrayList<>();
    private final List<RawInteraction> interactions = new ArrayList<>();
    private final List<RawInvitation> invitations = new ArrayList<>();
    /**
     * Reject rows kept per file: beyond it a file's rejects are only counted ({@link #unlistedRejects()}), so a
     * huge broken member cannot flood the rejects table or the memory; its rows stay counted as rejected.
     */
    public static final int MAX_REJECT_ROWS_PER_FILE = 1000;
    private final List<Reject> rejects = new ArrayList<>();
    private final Map<String, Long> rejectsPerFile = new LinkedHashMap<>();
    private final Map<String, FileStats> files = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<PersonRef> aliases = new ArrayList<>();
    private long hiddenProfiles;
    private String part;
    private Instant windowStart;
    private Instant windowEnd;
    private boolean relativeTime;
    private String derivedTies;

    public ParsedExport(String platform) {
        this.platform = platform;
    }

    public String platform() {
        return platform;
    }

    public String formatEra() {
        return formatEra;
    }

    public void formatEra(String era) {
        this.formatEra = era;
    }

    public PersonRef owner() {
        return owner;
    }

    public void owner(PersonRef owner) {
        this.owner = owner;
    }

    public List<RawTie> ties() {
        return ties;
    }

    public List<RawInteraction> interactions() {
        return interactions;
    }

    public List<RawInvitation> invitations() {
        return invitations;
    }

    public List<Reject> rejects() {
        return rejects;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Everyone seen with both a URL (or id) and a name, so that name-only mentions resolve to the same person. */
    public List<PersonRef> aliases() {
        return aliases;
    }

    public void alias(PersonRef p) {
        if (p != null && p.name() != null && (p.url() != null || p.accountId() != null)) {
            aliases.add(p);
        }
    }

    public Map<String, FileStats> files() {
        return files;
    }

    public void fileStats(FileStats stats) {
        files.merge(stats.file(), stats, (a, b) -> new FileStats(a.file(), a.read() + b.read(),
                a.accepted() + b.accepted(), a.rejected() + b.rejected()));
    }

    /**
     * For sources that hold many owners (network datasets): what distinguishes this owner's part, folded into
     * its export_id; null for an ordinary one-owner export.
     */
    public String part() {
        return part;
    }

    public void part(String part) {
        this.part = part;
    }

    /**
     * Declares the observation window (a network dataset observes every node over the dataset's span); the export's
     * window is then this span widened to its own events, if any fall outside. Null (the default): the window is the
     * export's first and last event.
     */
    public void window(Instant start, Instant end) {
        this.windowStart = start;
        this.windowEnd = end;
    }

    public Instant declaredWindowStart() {
        return windowStart;
    }

    public Instant declaredWindowEnd() {
        return windowEnd;
    }

    /** True when the export's times are offsets from an unknown start, not calendar times. */
    public boolean relativeTime() {
        return relativeTime;
    }

    public void relativeTime(boolean relative) {
        this.relativeTime = relative;
    }

    /** The rule the ties were derived from the interactions with (contacts, reciprocated, min_events=k); else null. */
    public String derivedTies() {
        return derivedTies;
    }

    public void derivedTies(String rule) {
        this.derivedTies = rule;
    }

    public long hiddenProfiles() {
        return hiddenProfiles;
    }

    public void addHiddenProfiles(long n) {
        hiddenProfiles += n;
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    /** Quarantines a record; past {@link #MAX_REJECT_ROWS_PER_FILE} of its file, only counts it. */
    public void reject(Reject r) {
        long n = rejectsPerFile.merge(r.file(), 1L, Long::sum);
        if (n <= MAX_REJECT_ROWS_PER_FILE) {
            rejects.add(r);
        }
    }

    /** Per file, the rejects counted but not kept as rows (beyond {@link #MAX_REJECT_ROWS_PER_FILE}); often empty. */
    public Map<String, Long> unlistedRejects() {
        Map<String, Long> unlisted = new LinkedHashMap<>();
        rejectsPerFile.forEach((file, n) -> {
            if (n > MAX_REJECT_ROWS_PER_FILE) {
                unlisted.put(file, n - MAX_REJECT_ROWS_PER_FILE);
            }
        });
        return unlisted;
    }
}
