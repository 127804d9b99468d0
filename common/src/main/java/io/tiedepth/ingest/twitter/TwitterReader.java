package io.tiedepth.ingest.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiedepth.ingest.ExportReader;
import io.tiedepth.ingest.FileTally;
import io.tiedepth.ingest.twitter.YtdFiles.DataFile;
import io.tiedepth.ingest.twitter.YtdFiles.Type;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawTie;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.JsonFiles;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * X / Twitter archives ("Download an archive of your data"), every era: 2019 ({@code tweet.js} with bare tweets,
 * {@code direct-message.js}), 2020 ({@code manifest.js}, the {@code {"tweet":…}} wrapper), 2022+
 * ({@code tweets.js}), each with numbered {@code -partN} files (see {@link YtdFiles}).
 *
 * <ul>
 *   <li><b>Owner</b>: {@code account.js} {@code accountId}, else the manifest's {@code userInfo.accountId}, else
 *       the id common to every one-to-one DM conversation. The handle is kept only as an alias (never
 *       written).</li>
 *   <li><b>Ties</b>: {@code follower.js} → {@code follower}, {@code following.js} → {@code following}, an account
 *       in both → one {@code mutual_follow}; the archive gives no dates (connected_at null). An element without
 *       an {@code accountId} is rejected ({@code missing_account_id}).</li>
 *   <li><b>Interactions</b>: direct messages ({@link DirectMessages}), replies and mentions ({@link Tweets}).
 *       Persons are account ids, kept as strings.</li>
 *   <li><b>Manifest</b>: every part it lists is read (with any other part found by name); a listed file missing
 *       from the archive, or holding another number of elements than listed (for DM files: conversations), is
 *       a warning. The manifest itself counts as one row.</li>
 *   <li><b>Era</b>: {@code twitter-2022} ({@code tweets.js}), {@code twitter-2020} (wrapper or manifest),
 *       {@code twitter-2019} otherwise.</li>
 * </ul>
 * Grailbird archives ({@code tweets.csv}, before 2019) are not read.
 */
public final class TwitterReader implements ExportReader {

    @Override
    public String platform() {
        return "twitter";
    }

    @Override
    public boolean recognises(ExportSource source) throws IOException {
        if (source.find("data/manifest.js").isPresent()) {
            return true;
        }
        for (String p : source.paths()) {
            DataFile f = YtdFiles.classify(p);
            if (f != null && (f.type() == Type.ACCOUNT || f.type() == Type.TWEETS)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<ParsedExport> read(ExportSource source) throws IOException, ReadException {
        ParsedExport out = new ParsedExport(platform());
        List<DataFile> files = new ArrayList<>();
        for (String p : source.paths()) {
            DataFile f = YtdFiles.classify(p);
            if (f != null) {
                files.add(f);
            }
        }
        files.sort(Comparator.comparing(DataFile::type).thenComparing(DataFile::part).thenComparing(DataFile::path));
        Map<String, FileTally> tallies = new LinkedHashMap<>();

        Optional<String> manifestPath = source.find("data/manifest.js");
        if (manifestPath.isEmpty()) {
            manifestPath = findManifest(source);
        }
        Map<String, Long> listed = new HashMap<>();
        String manifestOwner = null;
        if (manifestPath.isPresent()) {
            FileTally t = tally(tallies, out, manifestPath.get());
            try (InputStream in = source.open(manifestPath.get())) {
                JsonNode m = YtdFiles.readValue(in);
                manifestOwner = DirectMessages.id(m.path("userInfo").get("accountId"));
                for (JsonNode type : m.path("dataTypes")) {
                    for (JsonNode f : type.path("files")) {
                        String name = f.path("fileName").asText("");
                        if (!name.isEmpty()) {
                            listed.put(baseName(name), parseCount(f.path("count").asText("")));
                        }
                    }
                }
                t.accept();
            } catch (IOException e) {
                t.failFile("file", JsonFiles.reasonCode(e), "Cannot read archive manifest: " + JsonFiles.describe(e));
            }
            warnMissingParts(listed, files, out);
        }

        String[] account = new String[1];
        for (DataFile f : files) {
            if (f.type() == Type.ACCOUNT) {
                read(source, f, tallies, listed, out, (in, t) -> readAccount(in, t, out, account));
            }
        }
        String owner = account[0] != null ? account[0] : manifestOwner;

        DirectMessages dms = new DirectMessages();
        for (DataFile f : files) {
            if (f.type() == Type.DIRECT_MESSAGES || f.type() == Type.GROUP_MESSAGES) {
                read(source, f, tallies, listed, out, (in, t) -> dms.load(in, t, f.type() == Type.GROUP_MESSAGES));
            }
        }
        if (owner == null) {
            owner = dms.inferOwner();
        }
        if (owner != null) {
            out.owner(PersonRef.ofAccount(owner));
        }

        Map<String, Integer> follows = new LinkedHashMap<>();
        for (DataFile f : files) {
            if (f.type() == Type.FOLLOWER || f.type() == Type.FOLLOWING) {
                read(source, f, tallies, listed, out, (in, t) -> readFollows(in, t, f.type(), follows));
            }
        }
        follows.forEach((id, bits) -> out.ties().add(new RawTie(PersonRef.ofAccount(id), null, null,
                bits == 3 ? "mutual_follow" : bits == 1 ? "follower" : "following", "unknown", null, false)));

        Tweets tweets = new Tweets();
        final String ownerId = owner;
        for (DataFile f : files) {
            if (f.type() == Type.TWEETS) {
                read(source, f, tallies, listed, out, (in, t) -> tweets.load(in, t, ownerId, out));
            }
        }
        tweets.warnIgnored(out);
        dms.emit(owner, out);

        boolean plural = files.stream().anyMatch(f -> f.type() == Type.TWEETS && !f.singularName());
        out.formatEra(plural ? "twitter-2022"
                : tweets.sawWrapper() || manifestPath.isPresent() ? "twitter-2020" : "twitter-2019");
        tallies.values().forEach(FileTally::finish);
        return List.of(out);
    }

    /** Reads one opened file; returns its number of top-level elements (conversations for DM files). */
    @FunctionalInterface
    private interface FileBody {
        int read(InputStream in, FileTally tally) throws IOException;
    }

    /**
     * Opens one data file and runs {@code body}; a failure becomes a file reject and a warning. When the file was
     * read whole and the manifest lists it, a different element count is a warning.
     */
    private static void read(ExportSource source, DataFile f, Map<String, FileTally> tallies,
                             Map<String, Long> listed, ParsedExport out, FileBody body) {
        FileTally t = tally(tallies, out, f.path());
        int elements;
        try (InputStream in = source.open(f.path())) {
            elements = body.read(in, t);
        } catch (IOException e) {
            t.failFile("file", JsonFiles.reasonCode(e), "Cannot read archive file: " + JsonFiles.describe(e));
            return;
        }
        Long expected = listed.get(baseName(f.path()));
        if (expected != null && expected >= 0 && elements != expected) {
            out.warn(f.path() + ": the manifest lists " + expected + " element(s), the file holds " + elements);
        }
    }

    private static int readAccount(InputStream in, FileTally t, ParsedExport out, String[] owner)
            throws IOException {
        return YtdFiles.forEachItem(in, (item, at) -> {
            JsonNode a = item.path("account");
            String id = DirectMessages.id(a.get("accountId"));
            if (id == null) {
                t.reject(at, "missing_account_id", "Cannot read account: it has no accountId");
                return;
            }
            if (owner[0] == null) {
                owner[0] = id;
                String handle = a.path("username").asText(null);
                if (handle != null && !handle.isBlank()) {
                    out.alias(new PersonRef(id, null, handle));
                }
            }
            t.accept();
        });
    }

    private static int readFollows(InputStream in, FileTally t, Type type, Map<String, Integer> follows)
            throws IOException {
        String key = type == Type.FOLLOWER ? "follower" : "following";
        int bit = type == Type.FOLLOWER ? 1 : 2;
        return YtdFiles.forEachItem(in, (item, at) -> {
            String id = DirectMessages.id(item.path(key).get("accountId"));
            if (id == null) {
                t.reject(at, "missing_account_id", "Cannot read " + key + ": it has no accountId");
                return;
            }
            follows.merge(id, bit, (a, b) -> a | b);
            t.accept();
        });
    }

    private static void warnMissingParts(Map<String, Long> listed, List<DataFile> files, ParsedExport out) {
        for (String name : listed.keySet()) {
            DataFile f = YtdFiles.classify(name);
            if (f != null && files.stream().noneMatch(d -> baseName(d.path()).equals(name))) {
                out.warn("The archive manifest lists " + name + " but the archive does not hold it");
            }
        }
    }

    private static Optional<String> findManifest(ExportSource source) throws IOException {
        Optional<String> m = source.find("manifest.js");
        return m.isPresent() && !m.get().contains("/") ? m : Optional.empty();
    }

    private static FileTally tally(Map<String, FileTally> tallies, ParsedExport out, String path) {
        return tallies.computeIfAbsent(path, p -> new FileTally(out, p));
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    private static long parseCount(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
