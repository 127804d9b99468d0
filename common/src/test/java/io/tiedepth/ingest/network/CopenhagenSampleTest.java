package io.tiedepth.ingest.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.Canonical.InteractionRow;
import io.tiedepth.model.Canonical.TieRow;
import io.tiedepth.model.FileStats;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real Copenhagen Networks Study ({@code ../shared/real-data/copenhagen-cns}, read with the descriptor of
 * {@code data-samples/copenhagen-cns}) end to end through the {@link io.tiedepth.ingest.Ingestor}, with the counts
 * its PROVENANCE.md states. Skipped, visibly, when the dataset is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopenhagenSampleTest {
    private List<Canonical.Export> exports;
    private List<TieRow> ties;
    private List<InteractionRow> interactions;

    @BeforeAll
    void ingest() throws java.io.IOException {
        exports = Samples.ingest(Samples.realData("copenhagen-cns"));
        ties = exports.stream().flatMap(e -> e.ties().stream()).toList();
        interactions = exports.stream().flatMap(e -> e.interactions().stream()).toList();
    }

    private FileStats total(String file) {
        return exports.stream().flatMap(e -> e.export().files().stream()).filter(f -> f.file().equals(file))
                .reduce(new FileStats(file, 0, 0, 0), (a, b) -> new FileStats(file, a.read() + b.read(),
                        a.accepted() + b.accepted(), a.rejected() + b.rejected()));
    }

    private long count(String channel, String direction) {
        return interactions.stream().filter(i -> i.channel().equals(channel) && i.direction().equals(direction))
                .count();
    }

    @Test
    void makesEveryNodeAnOwner() {
        assertThat(exports).hasSize(833);
        assertThat(exports).allSatisfy(e -> {
            assertThat(e.export().status()).isEqualTo("ok");
            assertThat(e.export().platform()).isEqualTo("network");
            assertThat(e.export().formatEra()).isEqualTo("cns-2019-figshare");
            assertThat(e.export().ingestedAt()).isEqualTo(Samples.INGESTED_AT);
        });
        assertThat(exports).extracting(e -> e.export().exportId()).doesNotHaveDuplicates();
        assertThat(exports).extracting(e -> e.export().ownerId()).doesNotHaveDuplicates();
        assertThat(exports.stream().filter(e -> e.ties().isEmpty())).hasSize(33);
    }

    @Test
    void readsFriendshipsAsUndirectedTies() {
        assertThat(total("fb_friends.csv")).isEqualTo(new FileStats("fb_friends.csv", 6_429, 6_418, 11));
        assertThat(ties).hasSize(12_836);
        assertThat(ties).allSatisfy(t -> {
            assertThat(t.tieSource()).isEqualTo("friend");
            assertThat(t.connectedAt()).isNull();
            assertThat(t.connectedAtPrecision()).isNull();
            assertThat(t.invitedBy()).isEqualTo("unknown");
            assertThat(t.ended()).isFalse();
        });
        Set<String> pairs = ties.stream().map(t -> t.ownerId() + ">" + t.contactId()).collect(Collectors.toSet());
        assertThat(pairs).hasSize(12_836);
        assertThat(ties).allMatch(t -> pairs.contains(t.contactId() + ">" + t.ownerId()));
        assertThat(exports).allSatisfy(e -> assertThat(e.export().warnings())
                .noneMatch(w -> w.contains("repeated contact")));
    }

    @Test
    void rejectsTheElevenSelfPairs() {
        List<Canonical.RejectRow> rejects = exports.stream().flatMap(e -> e.rejects().stream()).toList();
        assertThat(rejects).hasSize(11).allSatisfy(r -> {
            assertThat(r.file()).isEqualTo("fb_friends.csv");
            assertThat(r.reasonCode()).isEqualTo("self_pair");
            assertThat(r.location()).matches("line \\d+");
        });
        assertThat(rejects).extracting(Canonical.RejectRow::location).contains("line 538", "line 624", "line 2211");
    }

    @Test
    void readsEverySmsAsOneOutAndOneInMessage() {
        assertThat(total("sms.csv")).isEqualTo(new FileStats("sms.csv", 24_333, 24_333, 0));
        assertThat(count("message", "out")).isEqualTo(24_333);
        assertThat(count("message", "in")).isEqualTo(24_333);
        Set<String> distinctOut = new HashSet<>();
        interactions.stream().filter(i -> i.channel().equals("message") && i.direction().equals("out"))
                .forEach(i -> distinctOut.add(i.ownerId() + i.contactId() + i.at()));
        assertThat(distinctOut).as("21 exact repeats are kept").hasSize(24_333 - 21);
    }

    @Test
    void readsEveryCallWithItsDurationAndMissedCallsWithoutOne() {
        assertThat(total("calls.csv")).isEqualTo(new FileStats("calls.csv", 3_600, 3_600, 0));
        assertThat(count("call", "out")).isEqualTo(3_600);
        assertThat(count("call", "in")).isEqualTo(3_600);
        assertThat(interactions.stream().filter(i -> i.channel().equals("call") && i.durationS() == null))
                .hasSize(2 * 366);
        assertThat(interactions.stream().filter(i -> i.channel().equals("call") && Objects.equals(i.durationS(), 0)))
                .hasSize(2 * 580);
        assertThat(interactions).filteredOn(i -> i.channel().equals("message"))
                .allMatch(i -> i.durationS() == null && i.threadId() == null && !i.isGroup());
    }

    @Test
    void balancesEveryFileAcrossTheDataset() {
        assertThat(exports).allSatisfy(e -> assertThat(e.export().files()).allMatch(FileStats::balanced));
        List<Canonical.Export> withFiles = exports.stream().filter(e -> !e.export().files().isEmpty()).toList();
        assertThat(withFiles).singleElement().satisfies(e -> {
            assertThat(e.export().files()).extracting(FileStats::file)
                    .containsExactly("fb_friends.csv", "sms.csv", "calls.csv");
            assertThat(e.export().warnings()).contains(
                    "network dataset: the file statistics, rejects and warnings of all 833 parts (one per node) "
                            + "are recorded on this part",
                    "calls.csv: 366 missed call(s) (duration -1) kept as attempted call interactions with "
                            + "duration_s null");
        });
        long read = exports.stream().mapToLong(e -> e.export().rowsRead()).sum();
        long accepted = exports.stream().mapToLong(e -> e.export().rowsAccepted()).sum();
        long rejected = exports.stream().mapToLong(e -> e.export().rowsRejected()).sum();
        assertThat(read).isEqualTo(6_429 + 24_333 + 3_600).isEqualTo(accepted + rejected);
        assertThat(rejected).isEqualTo(11);
    }

    @Test
    void placesTimesFromTheDeclaredEpoch() {
        Instant first = exports.stream().map(e -> e.export().windowStart()).filter(Objects::nonNull)
                .min(Instant::compareTo).orElseThrow();
        Instant last = exports.stream().map(e -> e.export().windowEnd()).filter(Objects::nonNull)
                .max(Instant::compareTo).orElseThrow();
        assertThat(first).isEqualTo(Instant.parse("1970-01-01T00:00:18Z"));
        assertThat(last).isEqualTo(Instant.parse("1970-01-28T23:56:22Z"));
    }

    @Test
    void observesEveryStudentOverTheWholeStudyInRelativeTime() {
        assertThat(exports).allSatisfy(e -> {
            assertThat(e.export().windowStart()).isEqualTo(Instant.parse("1970-01-01T00:00:18Z"));
            assertThat(e.export().windowEnd()).isEqualTo(Instant.parse("1970-01-28T23:56:22Z"));
            assertThat(e.export().timeOrigin()).isEqualTo(Canonical.ExportRow.RELATIVE);
            assertThat(e.export().derivedTies()).isNull();
        });
    }
}
