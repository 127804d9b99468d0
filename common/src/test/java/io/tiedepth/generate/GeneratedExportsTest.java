package io.tiedepth.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiedepth.ingest.Ingestor;
import io.tiedepth.ingest.Readers;
import io.tiedepth.model.Canonical;
import io.tiedepth.model.FileStats;
import io.tiedepth.pseudo.Pseudonymizer;
import io.tiedepth.pseudo.StudyKey;
import io.tiedepth.source.ExportSource;
import io.tiedepth.source.SyntheticMarker;
import io.tiedepth.text.CsvTable;
import io.tiedepth.text.Dates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated exports on disk: deterministic, read back by the real readers with zero rejects, and described
 * truthfully by the ground truth (checked by re-reading the CSVs independently of the model).
 */
class GeneratedExportsTest {
    static final int OWNERS = 16;
    static final long SEED = 20251;
    /** Small networks in every era, half zipped, bursts frequent: quick to write and read. */
    static final GeneratorParams SMALL = GeneratorParams.DEFAULTS.with("{"
            + "\"sizes\": {\"median\": 70, \"cap\": 500, \"tailShare\": 0.1, \"tailMin\": 200},"
            + "\"bursts\": {\"ownerShare\": 0.7},"
            + "\"format\": {\"zipShare\": 0.5, \"eras\": {\"2023\": 0.4, \"2022\": 0.2, \"2021\": 0.2, \"2018\": 0.2}}}");

    /** X owners of every era (a third each), half zipped. */
    static final GeneratorParams X_ERAS = SMALL.with(
            "{\"format\": {\"twitterEras\": {\"2022\": 0.34, \"2020\": 0.33, \"2019\": 0.33}}}");
    static final int X_OWNERS = 9;
    /** A seed whose first {@value #X_OWNERS} X owners cover every era, in folders and zips. */
    static final long X_SEED = 7;
    /** Parts of 20 elements (the default is 500), so tweet and DM files are split where there is a manifest. */
    static final int X_PER_PART = 20;

    @TempDir
    static Path dir;
    static Generator generator;
    static List<OwnerSummary> owners;
    static List<OwnerSummary> xOwners;

    @BeforeAll
    static void generate() throws IOException {
        generator = new Generator(SMALL, SEED, List.of("linkedin"));
        owners = generateInto(generator, dir.resolve("a"));
        xOwners = generateX(dir.resolve("x").resolve(GroundTruth.INBOX));
    }

    static List<OwnerSummary> generateX(Path inbox) throws IOException {
        Generator x = new Generator(X_ERAS, X_SEED, List.of("twitter"));
        List<OwnerSummary> s = new ArrayList<>();
        for (int i = 0; i < X_OWNERS; i++) {
            s.add(x.generate(i, X_OWNERS, inbox, platform -> new TwitterExportWriter(X_PER_PART)));
        }
        return s;
    }

    static List<OwnerSummary> generateInto(Generator g, Path out) throws IOException {
        List<OwnerSummary> s = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            s.add(g.generate(i, OWNERS, out.resolve(GroundTruth.INBOX)));
        }
        GroundTruth.write(out, GroundTruth.build(g, OWNERS, s), s);
        return s;
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndEachOwnerIsIndependent() throws IOException {
        generateInto(new Generator(SMALL, SEED, List.of("linkedin")), dir.resolve("b"));
        assertThat(tree(dir.resolve("b"))).isEqualTo(tree(dir.resolve("a")));

        OwnerSummary alone = new Generator(SMALL, SEED, List.of("linkedin")).generate(7, OWNERS, dir.resolve("c"));
        assertThat(tree(dir.resolve("c"))).isEqualTo(tree(dir.resolve("a").resolve(GroundTruth.INBOX)).entrySet()
                .stream().filter(e -> e.getKey().startsWith(alone.path()))
                .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
    }

    @Test
    void differentSeedGivesDifferentFiles() throws IOException {
        Generator other = new Generator(SMALL, SEED + 1, List.of("linkedin"));
        OwnerSummary o = other.generate(0, OWNERS, dir.resolve("d"));
        assertThat(o.exportId()).isNotEqualTo(owners.get(0).exportId());
    }

    @Test
    void everyExportIsReadBackWithZeroRejectsAndTheCountsOfTheTruth() {
        Ingestor ingestor = new Ingestor(Readers.all(), new Pseudonymizer(StudyKey.demo()), Instant.EPOCH);
        Map<String, String> eraLabels = Map.of("2023", "linkedin-2023-url", "2022", "linkedin-2022-preamble",
                "2021", "linkedin-2021", "2018", "linkedin-2018");
        assertThat(owners).extracting(OwnerSummary::era).contains("2023", "2022", "2021", "2018");
        assertThat(owners).extracting(OwnerSummary::zipped).contains(true, false);
        for (OwnerSummary o : owners) {
            List<Canonical.Export> read = ingestor.ingest(dir.resolve("a").resolve(GroundTruth.INBOX).resolve(o.path()));
            assertThat(read).as(o.path()).hasSize(1);
            Canonical.Export e = read.get(0);
            assertThat(e.rejects()).as(o.path() + " rejects").isEmpty();
            assertThat(e.export().files()).as(o.path()).allMatch(FileStats::balanced);
            assertThat(e.export().status()).isEqualTo("ok");
            assertThat(e.export().platform()).isEqualTo("linkedin");
            assertThat(e.export().formatEra()).isEqualTo(eraLabels.get(o.era()));
            assertThat(e.export().exportId()).isEqualTo(o.exportId());
            assertThat(e.export().ownerId()).isNotNull();
            assertThat(e.export().warnings()).as(o.path()).noneMatch(w -> w.contains("owner not recognised"))
                    .contains(SyntheticMarker.WARNING);
            assertThat(e.ties()).as(o.path() + " ties").hasSize(o.truth().nTies());
            assertThat((long) e.interactions().size()).as(o.path() + " interactions")
                    .isEqualTo(o.truth().interactions());
            assertThat((long) e.invitations().size()).as(o.path()).isEqualTo(o.truth().invitations());
            assertThat(e.export().windowStart().getEpochSecond()).isEqualTo(o.truth().windowStart());
            assertThat(e.export().windowEnd().getEpochSecond()).isEqualTo(o.truth().windowEnd());
            assertThat(e.export().hiddenProfiles()).isEqualTo(o.rows().get("Connections.csv") - o.truth().nTies());
        }
    }

    /** Every Facebook era in equal shares (all five occur among the first {@link #OWNERS} owners of {@link #SEED}). */
    static final GeneratorParams FB_ERAS = SMALL.with("{\"format\": {\"facebookEras\": "
            + "{\"2024\": 0.2, \"2023\": 0.2, \"2021\": 0.2, \"2019\": 0.2, \"2018\": 0.2}}}");
    /** The reader's era label of each generator era: the 2018-20 layouts read as facebook-2018. */
    static final Map<String, String> FB_LABELS = Map.of("2024", "facebook-2024", "2023", "facebook-2023",
            "2021", "facebook-2021", "2019", "facebook-2018", "2018", "facebook-2018");
    /** Friends file and its key per era (reference/export-formats.md §2). */
    static final Map<String, List<String>> FB_FRIENDS = Map.of(
            "2024", List.of("connections/friends/your_friends.json", "friends_v2"),
            "2023", List.of("connections/friends/your_friends.json", "friends_v2"),
            "2021", List.of("friends_and_followers/friends.json", "friends_v2"),
            "2019", List.of("friends/friends.json", "friends"),
            "2018", List.of("friends/friends.json", "friends"));
    /** Thread files per era. */
    static final Map<String, String> FB_THREADS = Map.of(
            "2024", "your_facebook_activity/messages/inbox/[a-z]+_\\d{10}/message_\\d+\\.json",
            "2023", "your_activity_across_facebook/messages/inbox/[a-z]+_\\d{10}/message_\\d+\\.json",
            "2021", "messages/inbox/[a-z]+_\\d{10}/message_\\d+\\.json",
            "2019", "messages/inbox/[a-z]+_\\d{10}/message_\\d+\\.json",
            "2018", "messages/[a-z]+_\\d{10}/message\\.json");

    static List<OwnerSummary> generateFacebook(Path inbox) throws IOException {
        Generator fb = new Generator(FB_ERAS, SEED, List.of("facebook"));
        List<OwnerSummary> s = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            s.add(fb.generate(i, OWNERS, inbox));
        }
        return s;
    }

    @Test
    void facebookExportsOfEveryEraAreReadBackWithZeroRejectsAndTheCountsOfTheTruth() throws IOException {
        Ingestor ingestor = new Ingestor(Readers.all(), new Pseudonymizer(StudyKey.demo()), Instant.EPOCH);
        Path inbox = dir.resolve("fb").resolve(GroundTruth.INBOX);
        List<OwnerSummary> fbOwners = generateFacebook(inbox);
        assertThat(fbOwners).extracting(OwnerSummary::era).containsAll(GeneratorParams.FACEBOOK_ERAS);
        assertThat(fbOwners).extracting(OwnerSummary::zipped).contains(true, false);
        for (OwnerSummary o : fbOwners) {
            assertThat(o.rows()).as(o.path()).containsKey(FB_FRIENDS.get(o.era()).get(0));
            assertThat(o.rows().keySet()).as(o.path()).filteredOn(k -> k.contains("message"))
                    .isNotEmpty().allMatch(k -> k.matches(FB_THREADS.get(o.era())));
            assertThat(friendsKeys(inbox.resolve(o.path()), FB_FRIENDS.get(o.era()).get(0))).as(o.path())
                    .containsExactly(FB_FRIENDS.get(o.era()).get(1));
            List<Canonical.Export> read = ingestor.ingest(inbox.resolve(o.path()));
            assertThat(read).as(o.path()).hasSize(1);
            Canonical.Export e = read.get(0);
            assertThat(e.rejects()).as(o.path() + " rejects").isEmpty();
            assertThat(e.export().files()).as(o.path()).allMatch(FileStats::balanced);
            assertThat(e.export().platform()).isEqualTo("facebook");
            assertThat(e.export().formatEra()).as(o.path()).isEqualTo(FB_LABELS.get(o.era()));
            assertThat(e.export().exportId()).isEqualTo(o.exportId());
            assertThat(e.export().warnings()).as(o.path()).containsExactly(SyntheticMarker.WARNING);
            assertThat(e.ties()).as(o.path() + " ties").hasSize(o.truth().nTies());
            assertThat((long) e.interactions().size()).as(o.path()).isEqualTo(o.truth().interactions());
            assertThat((long) e.invitations().size()).as(o.path()).isEqualTo(o.truth().invitations());
            assertThat(e.export().windowStart().getEpochSecond()).isEqualTo(o.truth().windowStart());
            assertThat(e.export().windowEnd().getEpochSecond()).isEqualTo(o.truth().windowEnd());
        }
    }

    @Test
    void everyExportFolderAndZipCarriesTheSyntheticMarkerAndTheSamplesDoNot() throws IOException {
        Path inbox = dir.resolve("marker").resolve(GroundTruth.INBOX);
        List<OwnerSummary> all = new ArrayList<>(generateFacebook(inbox));
        all.addAll(generateInto(generator, dir.resolve("marker-li")));
        assertThat(all).extracting(OwnerSummary::zipped).contains(true, false);
        for (OwnerSummary o : all) {
            Path at = o.platform().equals("facebook") ? inbox : dir.resolve("marker-li").resolve(GroundTruth.INBOX);
            try (ExportSource src = ExportSource.open(at.resolve(o.path()))) {
                assertThat(src.synthetic()).as(o.path()).isTrue();
                assertThat(src.paths()).as(o.path()).noneMatch(p -> p.contains(SyntheticMarker.FILE_NAME))
                        .noneMatch(p -> p.startsWith("facebook-"));
            }
        }
        try (Stream<Path> samples = Files.list(Path.of("..", "data-samples", "facebook"))) {
            for (Path sample : samples.filter(p -> !p.getFileName().toString().endsWith(".md")).toList()) {
                try (ExportSource src = ExportSource.open(sample)) {
                    assertThat(src.synthetic()).as(sample.toString()).isFalse();
                }
            }
        }
    }

    @Test
    void facebookExportsOfEveryEraAreByteIdenticalForTheSameSeed() throws IOException {
        generateFacebook(dir.resolve("fb-1"));
        generateFacebook(dir.resolve("fb-2"));
        assertThat(tree(dir.resolve("fb-2"))).hasSizeGreaterThan(OWNERS).isEqualTo(tree(dir.resolve("fb-1")));
    }

    @Test
    void facebookThreadsOverThePartSizeAreSplitNewestFirstAndReadBackWhole() throws IOException {
        Generator fb = new Generator(FB_ERAS, SEED, List.of("facebook"));
        Ingestor ingestor = new Ingestor(Readers.all(), new Pseudonymizer(StudyKey.demo()), Instant.EPOCH);
        int partSize = 20;
        long split = 0;
        for (int i = 0; i < OWNERS; i++) {
            SynthOwner o = fb.model().sample(i);
            Path export = dir.resolve("fb-parts").resolve("owner-" + i);
            Map<String, Long> rows;
            try (ExportSink sink = ExportSink.folder(export)) {
                rows = new FacebookExportWriter(partSize).write(o, sink);
            }
            Map<String, Integer> parts = new TreeMap<>();
            rows.keySet().stream().filter(p -> p.matches(".*/message(_\\d+)?\\.json"))
                    .forEach(p -> parts.merge(p.substring(0, p.lastIndexOf('/') + 1), 1, Integer::sum));
            for (Map.Entry<String, Integer> t : parts.entrySet()) {
                if (o.era().equals("2018")) {
                    assertThat(rows).containsKey(t.getKey() + "message.json");
                    continue;
                }
                for (int part = 1; part <= t.getValue(); part++) {
                    long n = rows.get(t.getKey() + "message_" + part + ".json");
                    assertThat(n).as(t.getKey() + part).isBetween(1L, (long) partSize);
                    if (part > 1) {
                        assertThat(rows.get(t.getKey() + "message_" + (part - 1) + ".json")).isEqualTo(partSize);
                        assertThat(timestamps(export, t.getKey(), part - 1).getMin()).as(t.getKey() + part)
                                .isGreaterThanOrEqualTo(timestamps(export, t.getKey(), part).getMax());
                        split++;
                    }
                }
            }
            Canonical.Export e = ingestor.ingest(export).get(0);
            OwnerTruth truth = fb.measure(i).truth();
            assertThat(e.rejects()).as(export + " rejects").isEmpty();
            assertThat(e.export().formatEra()).isEqualTo(FB_LABELS.get(o.era()));
            assertThat((long) e.interactions().size()).as(export.toString()).isEqualTo(truth.interactions());
        }
        assertThat(split).as("thread parts after the first").isPositive();
    }

    /** The top-level keys of a friends file, read with Jackson but not the readers. */
    private static List<String> friendsKeys(Path export, String friendsFile) throws IOException {
        try (ExportSource src = ExportSource.open(export);
             InputStream in = src.open(src.find(friendsFile).orElseThrow())) {
            List<String> keys = new ArrayList<>();
            new ObjectMapper().readTree(in).fieldNames().forEachRemaining(keys::add);
            return keys;
        }
    }

    /** The {@code timestamp_ms} of one thread part, read with Jackson but not the readers. */
    private static java.util.LongSummaryStatistics timestamps(Path export, String threadDir, int part)
            throws IOException {
        try (ExportSource src = ExportSource.open(export);
             InputStream in = src.open(src.find(threadDir + "message_" + part + ".json").orElseThrow())) {
            java.util.LongSummaryStatistics ms = new java.util.LongSummaryStatistics();
            new ObjectMapper().readTree(in).get("messages").forEach(m -> ms.accept(m.get("timestamp_ms").asLong()));
            return ms;
        }
    }

    @Test
    void xArchivesOfEveryEraAreByteIdenticalForTheSameSeed() throws IOException {
        generateX(dir.resolve("x2").resolve(GroundTruth.INBOX));
        assertThat(tree(dir.resolve("x2"))).isEqualTo(tree(dir.resolve("x")));
    }

    @Test
    void xArchivesAreReadBackWithZeroRejectsAndTheCountsOfTheTruth() throws IOException {
        Ingestor ingestor = new Ingestor(Readers.all(), new Pseudonymizer(StudyKey.demo()), Instant.EPOCH);
        Path inbox = dir.resolve("x").resolve(GroundTruth.INBOX);
        assertThat(xOwners).extracting(OwnerSummary::era).contains("2022", "2020", "2019");
        assertThat(xOwners).extracting(OwnerSummary::zipped).contains(true, false);
        long groups = 0;
        List<String> parts = new ArrayList<>();
        for (OwnerSummary o : xOwners) {
            List<Canonical.Export> read = ingestor.ingest(inbox.resolve(o.path()));
            assertThat(read).as(o.path()).hasSize(1);
            Canonical.Export e = read.get(0);
            assertThat(e.rejects()).as(o.path() + " rejects").isEmpty();
            assertThat(e.export().files()).as(o.path()).allMatch(FileStats::balanced);
            assertThat(e.export().platform()).isEqualTo("twitter");
            assertThat(e.export().formatEra()).as(o.path()).isEqualTo("twitter-" + o.era());
            assertThat(e.export().exportId()).isEqualTo(o.exportId());
            assertThat(e.export().warnings()).as(o.path())
                    .noneMatch(w -> w.contains("manifest") || w.contains("owner"));
            assertThat(e.ties()).as(o.path() + " ties").hasSize(o.truth().nTies())
                    .allMatch(t -> t.connectedAt() == null);
            assertThat((long) e.interactions().size()).as(o.path()).isEqualTo(o.truth().interactions());
            assertThat(e.invitations()).isEmpty();
            assertThat(o.truth().invitations()).isZero();
            assertThat(o.truth().burstTies()).isZero();
            assertThat(e.export().windowStart().getEpochSecond()).isEqualTo(o.truth().windowStart());
            assertThat(e.export().windowEnd().getEpochSecond()).isEqualTo(o.truth().windowEnd());
            assertThat(e.interactions()).extracting(r -> r.channel()).containsOnly("message");
            groups += e.interactions().stream().filter(r -> r.isGroup()).count();

            WhatArchiveSays says = readArchive(inbox.resolve(o.path()));
            assertThat(says.accounts).as(o.path() + " followers ∪ following").hasSize(o.truth().nTies());
            assertThat(says.contactOpened).as(o.path() + " conversations contacts opened").isPositive();
            assertThat(o.truth().inboundRequests()).as(o.path() + " requests: all conversations are with ties")
                    .isZero();
            assertThat(o.truth().inboundPerMonth()).as(o.path() + " no invitations in X archives").isNaN();
            assertThat(says.names).as(o.path() + " files").isEqualTo(X_FILES.get(o.era()));
            says.files.forEach((path, global) -> assertThat(global).as(path).isEqualTo(expectedGlobal(path)));
            boolean wrapped = !o.era().equals("2019");
            assertThat(wrapped ? says.bareTweets : says.wrappedTweets).as(o.path() + " other tweets").isZero();
            assertThat(wrapped ? says.wrappedTweets : says.bareTweets).as(o.path() + " tweets").isPositive();
            if (says.names.contains("manifest")) {
                assertThat(says.listed).as(o.path() + " manifest").isEqualTo(says.elements);
            }
            List<String> mine = says.files.keySet().stream().filter(path -> path.contains("-part")).toList();
            if (!says.names.contains("manifest")) {
                assertThat(mine).as(o.path() + " parts without a manifest").isEmpty();
            }
            parts.addAll(mine);
        }
        assertThat(groups).as("group messages").isPositive();
        assertThat(parts).as("parts").anyMatch(p -> p.startsWith("data/tweets-part"))
                .anyMatch(p -> p.startsWith("data/tweet-part"))
                .anyMatch(p -> p.startsWith("data/direct-messages-part"));
    }

    /** The files of each X era, by name without {@code -partN} (reference/export-formats.md §3). */
    private static final Map<String, Set<String>> X_FILES = Map.of(
            "2022", Set.of("account", "follower", "following", "tweets", "direct-messages", "direct-messages-group",
                    "manifest"),
            "2020", Set.of("account", "follower", "following", "tweet", "direct-messages", "direct-messages-group",
                    "manifest"),
            "2019", Set.of("account", "follower", "following", "tweet", "direct-message", "direct-message-group"));
    private static final Pattern X_DATA_FILE = Pattern.compile("data/([a-z-]+?)(?:-part(\\d+))?\\.js");

    /** {@code YTD.<name, dashes as underscores>.part<N>} of {@code data/<name>[-part<N>].js}. */
    private static String expectedGlobal(String path) {
        Matcher m = X_DATA_FILE.matcher(path);
        assertThat(m.matches()).as(path).isTrue();
        return "YTD." + m.group(1).replace('-', '_') + ".part" + (m.group(2) == null ? "0" : m.group(2));
    }

    /** What an archive's own .js files say, parsed with Jackson but none of the model, the writer or the readers. */
    private static final class WhatArchiveSays {
        final Set<String> accounts = new HashSet<>();
        long contactOpened;
        /** File names without {@code -partN}. */
        final Set<String> names = new TreeSet<>();
        /** Data file (the manifest aside) → the global name its assignment gives. */
        final Map<String, String> files = new TreeMap<>();
        /** Data file → "global name: elements", from the files themselves and as the manifest lists them. */
        final Map<String, String> elements = new TreeMap<>();
        final Map<String, String> listed = new TreeMap<>();
        long wrappedTweets;
        long bareTweets;
    }

    private static WhatArchiveSays readArchive(Path export) throws IOException {
        ObjectMapper json = new ObjectMapper();
        WhatArchiveSays says = new WhatArchiveSays();
        Map<String, JsonNode> values = new TreeMap<>();
        try (ExportSource src = ExportSource.open(export)) {
            for (String path : src.paths()) {
                Matcher m = X_DATA_FILE.matcher(path);
                if (!m.matches()) {
                    continue;
                }
                String text;
                try (InputStream in = src.open(path)) {
                    text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                int equals = text.indexOf('=');
                JsonNode value = json.readTree(text.substring(equals + 1));
                says.names.add(m.group(1));
                if (m.group(1).equals("manifest")) {
                    assertThat(text).startsWith("window.__THAR_CONFIG = {");
                    for (JsonNode f : value.path("dataTypes").findValues("files")) {
                        f.forEach(part -> says.listed.put(part.get("fileName").asText(),
                                part.get("globalName").asText() + ": " + part.get("count").asText()));
                    }
                    continue;
                }
                String global = text.substring(0, equals).strip().replaceFirst("^window\\.", "");
                says.files.put(path, global);
                says.elements.put(path, global + ": " + value.size());
                values.put(path, value);
            }
        }
        String owner = values.get("data/account.js").get(0).at("/account/accountId").asText();
        values.forEach((path, value) -> {
            String name = X_DATA_FILE.matcher(path).replaceFirst("$1");
            for (JsonNode element : value) {
                switch (name) {
                    case "follower", "following" -> says.accounts.add(element.at("/" + name + "/accountId").asText());
                    case "tweet", "tweets" -> {
                        says.wrappedTweets += element.has("tweet") ? 1 : 0;
                        says.bareTweets += element.has("tweet") ? 0 : 1;
                    }
                    case "direct-message", "direct-messages", "direct-message-group", "direct-messages-group" ->
                            says.contactOpened += contactOpened(element, owner) ? 1 : 0;
                    default -> {
                    }
                }
            }
        });
        return says;
    }

    /** Whether the first message of a DM conversation element came from someone else than {@code owner}. */
    private static boolean contactOpened(JsonNode conversation, String owner) {
        String first = null;
        String firstSender = null;
        for (JsonNode ev : conversation.at("/dmConversation/messages")) {
            JsonNode m = ev.get("messageCreate");
            if (m != null && (first == null || m.get("createdAt").asText().compareTo(first) <= 0)) {
                first = m.get("createdAt").asText();
                firstSender = m.get("senderId").asText();
            }
        }
        return firstSender != null && !firstSender.equals(owner);
    }

    @Test
    void groundTruthMatchesWhatTheFilesSay() throws Exception {
        long burstDays = 0;
        long hidden = 0;
        for (OwnerSummary o : owners) {
            WhatFilesSay read = read(dir.resolve("a").resolve(GroundTruth.INBOX).resolve(o.path()));
            assertThat(read.ties).as(o.path()).isEqualTo(o.truth().nTies());
            long days = read.tiesPerDay.values().stream().filter(n -> n >= SMALL.features().burstK()).count();
            assertThat(days).as(o.path() + " burst days").isEqualTo(o.truth().burstDays())
                    .isEqualTo(o.truth().plan().burstDays());
            assertThat(read.tiesPerDay.values().stream().filter(n -> n >= SMALL.features().burstK())
                    .mapToLong(Long::longValue).sum()).isEqualTo(o.truth().burstTies());
            assertThat(read.invitations).isEqualTo(o.truth().invitations());
            if (o.era().equals("2023")) {
                assertThat(read.incoming + read.contactOpened).as(o.path() + " inbound requests")
                        .isEqualTo(o.truth().inboundRequests());
            }
            burstDays += days;
            hidden += read.hidden;
        }
        assertThat(burstDays).isPositive();
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("a").resolve(GroundTruth.FILE).toFile());
        assertThat(truth.at("/totals/burst_days").asLong()).isEqualTo(burstDays);
        assertThat(truth.at("/totals/burst_days_planted").asLong()).isEqualTo(burstDays);
        assertThat(truth.at("/totals/exports").asInt()).isEqualTo(OWNERS);
        assertThat(truth.at("/totals/rows/Connections.csv").asLong())
                .isEqualTo(owners.stream().mapToLong(o -> o.truth().nTies()).sum() + hidden);
        assertThat(truth.at("/params/sizes/cap").asInt()).isEqualTo(500);
        assertThat(Files.readAllLines(dir.resolve("a").resolve(GroundTruth.OWNERS_FILE))).hasSize(OWNERS + 1);
    }

    /** What an export's own CSVs say, read with the CSV parser but none of the model or the readers. */
    private static final class WhatFilesSay {
        long ties;
        long hidden;
        final Map<Long, Long> tiesPerDay = new HashMap<>();
        long invitations;
        /** Incoming invitations sent in the last half year before the window end (the latest Sent At). */
        long incoming;
        /** Conversations whose first message came from someone who is neither the owner nor a connection. */
        long contactOpened;
    }

    private static WhatFilesSay read(Path export) throws Exception {
        WhatFilesSay f = new WhatFilesSay();
        String ownerUrl = null;
        Set<String> connections = new HashSet<>();
        try (ExportSource src = ExportSource.open(export)) {
            try (InputStream in = src.open(src.find("Connections.csv").orElseThrow());
                 CsvTable t = CsvTable.open(in, "Connections.csv", List.of("First Name", "Connected On"))) {
                for (CsvTable.Record r = t.next(); r != null; r = t.next()) {
                    if (r.get("URL") != null) {
                        connections.add(r.get("URL"));
                    }
                    if (r.get("First Name") == null) {
                        f.hidden++;
                        continue;
                    }
                    f.ties++;
                    long day = Math.floorDiv(Dates.parse(r.get("Connected On")).at().getEpochSecond(), 86_400L);
                    f.tiesPerDay.merge(day, 1L, Long::sum);
                }
            }
            List<Instant> incoming = new ArrayList<>();
            Instant end = Instant.MIN;
            try (InputStream in = src.open(src.find("Invitations.csv").orElseThrow());
                 CsvTable t = CsvTable.open(in, "Invitations.csv", List.of("Sent At", "Direction"))) {
                for (CsvTable.Record r = t.next(); r != null; r = t.next()) {
                    f.invitations++;
                    Instant sent = Dates.parse(r.get("Sent At")).at();
                    end = sent.isAfter(end) ? sent : end;
                    if (r.get("Direction").equals("INCOMING")) {
                        incoming.add(sent);
                    } else if (r.get("inviterProfileUrl") != null) {
                        ownerUrl = r.get("inviterProfileUrl");
                    }
                }
            }
            Instant recent = end.minusSeconds((long) (OwnerTruth.RECENT_DAYS * 86_400));
            f.incoming = incoming.stream().filter(t -> t.isAfter(recent)).count();
            if (ownerUrl != null) {
                Map<String, String[]> first = new HashMap<>();
                try (InputStream in = src.open(src.find("messages.csv").orElseThrow());
                     CsvTable t = CsvTable.open(in, "messages.csv", List.of("CONVERSATION ID", "DATE"))) {
                    for (CsvTable.Record r = t.next(); r != null; r = t.next()) {
                        String[] m = {r.get("DATE"), r.get("SENDER PROFILE URL")};
                        first.merge(r.get("CONVERSATION ID"), m, (a, b) -> a[0].compareTo(b[0]) <= 0 ? a : b);
                    }
                }
                String owner = ownerUrl;
                f.contactOpened = first.values().stream().filter(m -> !m[1].equals(owner)
                        && !connections.contains(m[1]) && Dates.parse(m[0]).at().isAfter(recent)).count();
            }
        }
        return f;
    }

    /** Relative path → content of every file under {@code root}. */
    static TreeMap<String, String> tree(Path root) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
