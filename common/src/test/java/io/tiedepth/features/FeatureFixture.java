package io.tiedepth.features;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One owner (export E, window 2023-01-01 → 2024-01-01) with hand-built ties and interactions whose features are
 * worked out by hand in the tests:
 * <pre>
 * A  tie 2023-01-01, out 02-01, in 02-02, out 03-15, in 04-20        sustained (3 distinct 30-day periods)
 * B  tie 2023-06-01, out 06-02                                       one_way
 * C  tie 2023-09-01, nothing                                         none; 180-day response not observable
 * D0..D9 ties on 2023-03-03, nothing                                 burst-accepted (10 on one day)
 * E  tie 2023-01-01, in 01-05, in 08-01                              one reactivation (gap 208 days)
 * F  tie 2023-01-01, in 07-15                                        one reactivation (195 days after connecting)
 * X  no tie, in 05-05                                                contact only
 * invitations: two incoming
 * </pre>
 */
public final class FeatureFixture {
    public static final String E = "exp-1";
    public static final String O = "owner-1";
    private static final String PLATFORM = "linkedin";

    public final Canonical.ExportRow export = new Canonical.ExportRow(E, E, O, PLATFORM, "linkedin-test", "ok", 100L,
            List.of(new FileStats("Connections.csv", 15L, 15L, 0L)), 0L, ts("2023-01-01T00:00:00Z"),
            ts("2024-01-01T00:00:00Z"), ts("2024-01-02T00:00:00Z"), "1", List.of());
    public final List<Canonical.TieRow> ties = new ArrayList<>();
    public final List<Canonical.InteractionRow> interactions = new ArrayList<>();
    public final List<Canonical.InvitationRow> invitations = new ArrayList<>();

    public FeatureFixture() {
        tie("A", "2023-01-01");
        tie("B", "2023-06-01");
        tie("C", "2023-09-01");
        for (int i = 0; i < 10; i++) {
            tie("D" + i, "2023-03-03");
        }
        tie("E", "2023-01-01");
        tie("F", "2023-01-01");
        message("A", "2023-02-01T10:00:00Z", "out");
        message("A", "2023-02-02T10:00:00Z", "in");
        message("A", "2023-03-15T10:00:00Z", "out");
        message("A", "2023-04-20T10:00:00Z", "in");
        message("B", "2023-06-02T10:00:00Z", "out");
        message("E", "2023-01-05T10:00:00Z", "in");
        message("E", "2023-08-01T10:00:00Z", "in");
        message("F", "2023-07-15T10:00:00Z", "in");
        message("X", "2023-05-05T10:00:00Z", "in");
        invitations.add(new Canonical.InvitationRow(E, PLATFORM, O, "P", ts("2023-12-01T00:00:00Z"), "in", false));
        invitations.add(new Canonical.InvitationRow(E, PLATFORM, O, "Q", ts("2023-12-02T00:00:00Z"), "in", true));
        invitations.add(new Canonical.InvitationRow(E, PLATFORM, O, "R", ts("2023-12-03T00:00:00Z"), "out", false));
    }

    private void tie(String contact, String day) {
        ties.add(new Canonical.TieRow(E, PLATFORM, O, contact, ts(day + "T00:00:00Z"), "day", "connection", "unknown",
                null, false));
    }

    private void message(String contact, String at, String direction) {
        interactions.add(new Canonical.InteractionRow(E, PLATFORM, O, contact, ts(at), "message", direction,
                "thread-" + contact, false, 3, 12, null));
    }

    /**
     * Another owner (export exp-3, same window) whose messages in and out carry the same time: tie A, out and in on
     * 2023-02-01 10:00; Y, no tie, out and in on 2023-12-10 10:00 in thread-Y; one outgoing invitation. "In" comes
     * first at equal times, so the contact initiated both conversations and Y's is an inbound request.
     */
    public static Canonical.Export simultaneousMessages() {
        String id = "exp-3";
        String owner = "owner-3";
        Canonical.ExportRow x = new FeatureFixture().export;
        Canonical.ExportRow export = new Canonical.ExportRow(id, id, owner, PLATFORM, x.formatEra(), x.status(),
                x.sizeBytes(), x.files(), 0L, x.windowStart(), x.windowEnd(), x.ingestedAt(), "1", List.of());
        List<Canonical.InteractionRow> messages = new ArrayList<>();
        for (String direction : List.of("out", "in")) {
            messages.add(new Canonical.InteractionRow(id, PLATFORM, owner, "A", ts("2023-02-01T10:00:00Z"), "message",
                    direction, "thread-A", false, 3, 12, null));
            messages.add(new Canonical.InteractionRow(id, PLATFORM, owner, "Y", ts("2023-12-10T10:00:00Z"), "message",
                    direction, "thread-Y", false, 3, 12, null));
        }
        return new Canonical.Export(export, List.of(new Canonical.TieRow(id, PLATFORM, owner, "A",
                ts("2023-01-01T00:00:00Z"), "day", "connection", "unknown", null, false)), messages,
                List.of(new Canonical.InvitationRow(id, PLATFORM, owner, "R", ts("2023-12-03T00:00:00Z"), "out", false)),
                List.of());
    }

    /** Everything the export yields, as ingest would hand it on. */
    public Canonical.Export canonical() {
        return new Canonical.Export(export, ties, interactions, invitations, List.of());
    }

    /** The export's features with the default parameters. */
    public ExportFeatures features() {
        return ExportFeatures.of(export, ties, interactions, invitations, FeatureParams.DEFAULTS);
    }

    public static Instant ts(String iso) {
        return Instant.parse(iso);
    }
}
