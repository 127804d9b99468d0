package io.tiedepth.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tiedepth.generate.Names.Person;
import io.tiedepth.generate.SynthOwner.Contact;
import io.tiedepth.generate.SynthOwner.Conversation;
import io.tiedepth.generate.SynthOwner.Message;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * X / Twitter archive ("Download an archive of your data") in the layout of the owner's era
 * ({@link GeneratorParams#TWITTER_ERAS}, reference/export-formats.md §3), no wrapper folder: {@code Your archive.html}
 * and {@code data/*.js}, each file {@code window.YTD.<name, dashes as underscores>.partN = [ … ]}. Per era
 * ({@link #LAYOUTS}; the reader's era label in brackets):
 * <ul>
 *   <li>{@code 2022} ({@code twitter-2022}): {@code tweets.js} ({@code {"tweet": …}} wrapper),
 *       {@code direct-messages.js}, {@code direct-messages-group.js}, {@code manifest.js};</li>
 *   <li>{@code 2020} ({@code twitter-2020}, 2020 to Oct 2022): {@code tweet.js} ({@code YTD.tweet.part0}) with the
 *       wrapper, the same DM files, {@code manifest.js} (data type {@code tweet});</li>
 *   <li>{@code 2019} ({@code twitter-2019}): {@code tweet.js} with bare tweets, {@code direct-message.js}
 *       ({@code YTD.direct_message.part0}), {@code direct-message-group.js}, no manifest.</li>
 * </ul>
 * Every era also has:
 * <ul>
 *   <li>{@code account.js}: the owner's {@code accountId}, {@code username}, {@code createdAt};</li>
 *   <li>{@code follower.js} / {@code following.js}: {@code {accountId, userLink}}, no dates. Core ties and every
 *       third other tie follow each other (both files); of the rest, one half only follows the owner, the other
 *       half is only followed by the owner;</li>
 *   <li>one-to-one DMs: conversation id {@code <smaller id>-<larger id>}, events newest first:
 *       {@code messageCreate{recipientId, senderId, id, text, createdAt}} and, for one in ten inbound messages, the
 *       owner's {@code reactionCreate} a minute later;</li>
 *   <li>group DMs: numeric ids; the oldest events are the owner being added ({@code joinConversation} with the
 *       {@code participantsSnapshot}) and the group's name;</li>
 *   <li>tweets ({@code created_at} {@code EEE MMM dd HH:mm:ss Z yyyy}): the owner's own tweets, self-replies
 *       (threads) and retweets, none of which is an interaction.</li>
 * </ul>
 * <b>Parts</b>: in the eras with a manifest, the tweets file and the two DM files hold at most {@code perPart}
 * elements (tweets, conversations) each, {@value #PER_PART} by default; the next ones go to
 * {@code <name>-part1.js} ({@code window.YTD.<name>.part1}), and so on. The manifest ({@code window.__THAR_CONFIG})
 * lists every part with its global name and element count, under the data type named after the file in camel case
 * ({@code directMessagesGroup}). X starts a new part at about 100 MB (timhutton/twitter-archive-parser#4), which no
 * synthetic archive reaches: the element count stands in for it so that large archives exercise part reading.
 * 2019 archives are written whole.
 *
 * <p>The archive has no connection dates and no invitations, so ties have no {@code connected_at}, bursts and the
 * invitation note are not observable, and inbound requests are the conversations a contact opened. Account ids are
 * 18 digits derived from the person's profile bits, so a contact shared by several owners keeps one id. The era
 * decides the layout only: a {@link SynthOwner} gives the same accounts, messages and tweets in every layout.
 */
public final class TwitterExportWriter implements ExportWriter {
    public static final String ACCOUNT = "data/account.js";
    public static final String FOLLOWER = "data/follower.js";
    public static final String FOLLOWING = "data/following.js";
    /** One-to-one and group DMs since 2020 (see {@link #LAYOUTS} for 2019). */
    public static final String DMS = "data/direct-messages.js";
    public static final String GROUP_DMS = "data/direct-messages-group.js";
    public static final String MANIFEST = "data/manifest.js";
    public static final String HTML = "Your archive.html";
    /** Elements (tweets, DM conversations) per part by default. */
    public static final int PER_PART = 500;

    /**
     * The files that differ between X archive layouts.
     *
     * @param tweets   the owner's tweets
     * @param wrapped  each tweet inside {@code {"tweet": …}} (since Jan 2020)
     * @param dms      one-to-one conversations
     * @param groupDms group conversations
     * @param manifest {@code manifest.js} is written (since March 2020) and large files are split into parts
     */
    record Layout(String tweets, boolean wrapped, String dms, String groupDms, boolean manifest) {
    }

    /** The layout of each era of {@link GeneratorParams#TWITTER_ERAS}. */
    static final Map<String, Layout> LAYOUTS = Map.of(
            "2022", new Layout("data/tweets.js", true, DMS, GROUP_DMS, true),
            "2020", new Layout("data/tweet.js", true, DMS, GROUP_DMS, true),
            "2019", new Layout("data/tweet.js", false, "data/direct-message.js", "data/direct-message-group.js",
                    false));
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TWEET_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();
    private static final long ID_BASE = 100_000_000_000_000_000L;
    private static final long TEXT_STREAM = 1L << 44;
    private static final long TWEET_STREAM = 1L << 46;

    private final int perPart;

    /** A writer with {@value #PER_PART} elements per part. */
    public TwitterExportWriter() {
        this(PER_PART);
    }

    /** A writer with {@code perPart} elements per part (tests use small parts). */
    TwitterExportWriter(int perPart) {
        if (perPart < 1) {
            throw new IllegalArgumentException("Cannot split X archive files: " + perPart + " elements per part");
        }
        this.perPart = perPart;
    }

    @Override
    public String platform() {
        return "twitter";
    }

    /** The 18-digit account id of a person (from its profile bits, so stable across owners). */
    static String accountId(Person p) {
        return String.valueOf(ID_BASE + Long.parseLong(p.url().substring(p.url().lastIndexOf('-') + 1), 16));
    }

    @Override
    public Map<String, Long> write(SynthOwner o, ExportSink sink) throws IOException {
        Layout layout = LAYOUTS.get(o.era());
        if (layout == null) {
            throw new IllegalArgumentException("Cannot write X archive: no layout for era " + o.era()
                    + " (known: " + String.join(", ", GeneratorParams.TWITTER_ERAS) + ")");
        }
        int split = layout.manifest() ? perPart : Integer.MAX_VALUE;
        long[] bytes = {0};
        String owner = accountId(o.owner());
        String[] ids = new String[o.contacts().size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = accountId(o.contacts().get(i).person());
        }

        try (Counting out = new Counting(sink.open(HTML), bytes)) {
            out.write(("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Your archive</title></head>"
                    + "<body><div id=\"root\"></div></body></html>\n").getBytes(StandardCharsets.UTF_8));
        }
        List<DataFile> files = new ArrayList<>();
        files.add(account(o, new DataFile(sink, ACCOUNT, Integer.MAX_VALUE, bytes), owner));

        List<Integer> ties = new ArrayList<>();
        for (int i = 0; i < o.nTies(); i++) {
            ties.add(i);
        }
        ties.sort(Comparator.comparing((Integer i) -> o.contacts().get(i).connectedAt()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        List<String> followers = new ArrayList<>();
        List<String> following = new ArrayList<>();
        for (int i : ties) {
            Contact c = o.contacts().get(i);
            boolean mutual = c.role() == SynthOwner.Role.CORE || i % 3 == 0;
            if (mutual || i % 2 == 0) {
                followers.add(ids[i]);
            }
            if (mutual || i % 2 == 1) {
                following.add(ids[i]);
            }
        }
        files.add(follows(new DataFile(sink, FOLLOWER, Integer.MAX_VALUE, bytes), "follower", followers));
        files.add(follows(new DataFile(sink, FOLLOWING, Integer.MAX_VALUE, bytes), "following", following));

        List<List<Integer>> byConversation = new ArrayList<>();
        for (int c = 0; c < o.conversations().size(); c++) {
            byConversation.add(new ArrayList<>());
        }
        for (int i = 0; i < o.messages().size(); i++) {
            byConversation.get(o.messages().get(i).conversation()).add(i);
        }
        for (boolean group : new boolean[] {false, true}) {
            DataFile f = new DataFile(sink, group ? layout.groupDms() : layout.dms(), split, bytes);
            files.add(directMessages(o, f, group, owner, ids, byConversation));
        }
        files.add(tweets(o, new DataFile(sink, layout.tweets(), split, bytes), layout.wrapped(), owner));

        Map<String, Long> rows = new TreeMap<>();
        for (DataFile f : files) {
            f.parts.forEach(p -> rows.put(p.path, p.rows));
        }
        if (layout.manifest()) {
            manifest(o, sink, owner, files, bytes[0]);
            rows.put(MANIFEST, 1L);
        }
        return rows;
    }

    private static DataFile account(SynthOwner o, DataFile f, String owner) throws IOException {
        Person p = o.owner();
        Instant created = o.exportAt().minusSeconds((long) (o.plan().tenureDays() * 86_400L) + 86_400L);
        try (f) {
            JsonGenerator g = f.next(1);
            g.writeStartObject();
            g.writeObjectFieldStart("account");
            g.writeStringField("email", p.email() != null ? p.email() : username(p) + "@example.invalid");
            g.writeStringField("createdVia", "web");
            g.writeStringField("username", username(p));
            g.writeStringField("accountId", owner);
            g.writeStringField("createdAt", ISO.format(created));
            g.writeStringField("accountDisplayName", p.fullName());
            g.writeEndObject();
            g.writeEndObject();
        }
        return f;
    }

    private static DataFile follows(DataFile f, String key, List<String> accounts) throws IOException {
        try (f) {
            for (String id : accounts) {
                JsonGenerator g = f.next(1);
                g.writeStartObject();
                g.writeObjectFieldStart(key);
                g.writeStringField("accountId", id);
                g.writeStringField("userLink", "https://twitter.com/intent/user?user_id=" + id);
                g.writeEndObject();
                g.writeEndObject();
            }
        }
        return f;
    }

    /** One element per conversation of the kind ({@code group} or not) with messages; each event is a row. */
    private static DataFile directMessages(SynthOwner o, DataFile f, boolean group, String owner, String[] ids,
                                           List<List<Integer>> byConversation) throws IOException {
        try (f) {
            for (int c = 0; c < o.conversations().size(); c++) {
                Conversation conv = o.conversations().get(c);
                List<Integer> mine = byConversation.get(c);
                if (conv.isGroup() != group || mine.isEmpty()) {
                    continue;
                }
                List<Integer> newestFirst = new ArrayList<>(mine);
                newestFirst.sort(Comparator.comparing((Integer i) -> o.messages().get(i).at()).reversed()
                        .thenComparing(Comparator.reverseOrder()));
                String id = group ? String.valueOf(ID_BASE * 19 + o.index() * 1_000_000L + c)
                        : oneToOneId(owner, ids[conv.members()[0]]);
                long reactions = mine.stream().filter(i -> ownerReacted(o, group, i)).count();
                JsonGenerator g = f.next(mine.size() + reactions + (group ? 2 : 0));
                g.writeStartObject();
                g.writeObjectFieldStart("dmConversation");
                g.writeStringField("conversationId", id);
                g.writeArrayFieldStart("messages");
                for (int i : newestFirst) {
                    Message m = o.messages().get(i);
                    String sender = m.sender() == SynthOwner.OWNER ? owner : ids[m.sender()];
                    if (ownerReacted(o, group, i)) {
                        reaction(g, owner, m.at().plusSeconds(60), messageId(o, i) + 1);
                    }
                    g.writeStartObject();
                    g.writeObjectFieldStart("messageCreate");
                    if (!group) {
                        g.writeStringField("recipientId", sender.equals(owner) ? ids[conv.members()[0]] : owner);
                    }
                    g.writeArrayFieldStart("reactions");
                    g.writeEndArray();
                    g.writeArrayFieldStart("urls");
                    g.writeEndArray();
                    g.writeStringField("text", Names.text(Rand.of(o.seed(), o.index(), TEXT_STREAM + i), m.words(),
                            m.multiline() ? 1.0 : 0.0));
                    g.writeArrayFieldStart("mediaUrls");
                    g.writeEndArray();
                    g.writeStringField("senderId", sender);
                    g.writeStringField("id", String.valueOf(messageId(o, i)));
                    g.writeStringField("createdAt", ISO.format(m.at()));
                    g.writeEndObject();
                    g.writeEndObject();
                }
                if (group) {
                    Instant first = o.messages().get(newestFirst.get(newestFirst.size() - 1)).at();
                    g.writeStartObject();
                    g.writeObjectFieldStart("conversationNameUpdate");
                    g.writeStringField("initiatingUserId", ids[conv.members()[0]]);
                    g.writeStringField("name", conv.title());
                    g.writeStringField("createdAt", ISO.format(first.minusSeconds(30)));
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeStartObject();
                    g.writeObjectFieldStart("joinConversation");
                    g.writeStringField("initiatingUserId", ids[conv.members()[0]]);
                    g.writeArrayFieldStart("participantsSnapshot");
                    for (int k = 1; k < conv.members().length; k++) {
                        g.writeString(ids[conv.members()[k]]);
                    }
                    g.writeEndArray();
                    g.writeStringField("createdAt", ISO.format(first.minusSeconds(60)));
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
        }
        return f;
    }

    /** The owner reacts to one in ten inbound one-to-one messages. */
    private static boolean ownerReacted(SynthOwner o, boolean group, int message) {
        return !group && o.messages().get(message).sender() != SynthOwner.OWNER && message % 10 == 0;
    }

    private static void reaction(JsonGenerator g, String owner, Instant at, long eventId) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("reactionCreate");
        g.writeStringField("senderId", owner);
        g.writeStringField("reactionKey", "like");
        g.writeStringField("eventId", String.valueOf(eventId));
        g.writeStringField("createdAt", ISO.format(at));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static long messageId(SynthOwner o, int message) {
        return 1_500_000_000_000_000_000L + (long) o.index() * 10_000_000L + 2L * message;
    }

    private static String oneToOneId(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
    }

    /**
     * The owner's tweets: about one a week over the last year (at most 200), a fifth of them self-replies
     * continuing a thread and a tenth retweets of a contact. None is an interaction. {@code wrapped}: each inside
     * {@code {"tweet": …}}.
     */
    private static DataFile tweets(SynthOwner o, DataFile f, boolean wrapped, String owner) throws IOException {
        Rand r = Rand.of(o.seed(), o.index(), TWEET_STREAM);
        int n = Math.min(200, r.poisson(52));
        List<Instant> times = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            times.add(o.exportAt().minusSeconds(r.belowLong(365L * 86_400L)));
        }
        times.sort(Comparator.reverseOrder());
        long base = 1_600_000_000_000_000_000L + (long) o.index() * 1_000L;
        try (f) {
            for (int t = 0; t < n; t++) {
                boolean selfReply = t + 1 < n && r.chance(0.2);
                int retweeted = !selfReply && o.nTies() > 0 && r.chance(0.1) ? r.below(o.nTies()) : -1;
                String text = Names.text(r, r.between(3, 30), 0);
                JsonGenerator g = f.next(1);
                g.writeStartObject();
                if (wrapped) {
                    g.writeObjectFieldStart("tweet");
                }
                g.writeBooleanField("retweeted", false);
                g.writeStringField("source", "<a href=\"https://example.invalid\">Synth client</a>");
                g.writeObjectFieldStart("entities");
                g.writeArrayFieldStart("hashtags");
                g.writeEndArray();
                g.writeArrayFieldStart("user_mentions");
                if (retweeted >= 0) {
                    Person p = o.contacts().get(retweeted).person();
                    String handle = username(p);
                    text = "RT @" + handle + ": " + text;
                    g.writeStartObject();
                    g.writeStringField("name", p.fullName());
                    g.writeStringField("screen_name", handle);
                    g.writeArrayFieldStart("indices");
                    g.writeString("3");
                    g.writeString(String.valueOf(4 + handle.length()));
                    g.writeEndArray();
                    g.writeStringField("id_str", accountId(p));
                    g.writeStringField("id", accountId(p));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("urls");
                g.writeEndArray();
                g.writeEndObject();
                g.writeStringField("favorite_count", String.valueOf(r.below(20)));
                g.writeStringField("id_str", String.valueOf(base + n - t));
                g.writeStringField("id", String.valueOf(base + n - t));
                g.writeStringField("retweet_count", String.valueOf(r.below(5)));
                g.writeStringField("created_at", TWEET_DATE.format(times.get(t)));
                g.writeStringField("full_text", text);
                g.writeStringField("lang", "en");
                if (selfReply) {
                    g.writeStringField("in_reply_to_status_id_str", String.valueOf(base + n - t - 1));
                    g.writeStringField("in_reply_to_user_id_str", owner);
                    g.writeStringField("in_reply_to_screen_name", username(o.owner()));
                }
                if (wrapped) {
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
        }
        return f;
    }

    private static void manifest(SynthOwner o, ExportSink sink, String owner, List<DataFile> files, long sizeBytes)
            throws IOException {
        try (JsonGenerator g = open(sink, MANIFEST, "window.__THAR_CONFIG = ", new long[1])) {
            g.writeStartObject();
            g.writeObjectFieldStart("userInfo");
            g.writeStringField("accountId", owner);
            g.writeStringField("userName", username(o.owner()));
            g.writeStringField("displayName", o.owner().fullName());
            g.writeEndObject();
            g.writeObjectFieldStart("archiveInfo");
            g.writeStringField("sizeBytes", String.valueOf(sizeBytes));
            g.writeStringField("generationDate", ISO.format(o.exportAt()));
            g.writeBooleanField("isPartialArchive", false);
            g.writeStringField("maxPartSizeBytes", "53687091200");
            g.writeEndObject();
            g.writeObjectFieldStart("readmeInfo");
            g.writeStringField("fileName", "data/README.txt");
            g.writeStringField("directory", "data/");
            g.writeStringField("name", "README");
            g.writeEndObject();
            g.writeObjectFieldStart("dataTypes");
            for (DataFile f : files) {
                g.writeObjectFieldStart(dataType(f.path));
                g.writeArrayFieldStart("files");
                for (Part p : f.parts) {
                    g.writeStartObject();
                    g.writeStringField("fileName", p.path);
                    g.writeStringField("globalName", p.global);
                    g.writeStringField("count", String.valueOf(p.elements));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** A handle: the lower-case letters of the name and four digits of the profile bits. */
    private static String username(Person p) {
        String id = accountId(p);
        return (p.first() + p.last()).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")
                + id.substring(id.length() - 4);
    }

    /** A data file's name without {@code data/} and {@code .js}: {@code direct-messages-group}. */
    private static String baseName(String path) {
        return path.substring("data/".length(), path.length() - ".js".length());
    }

    /** The manifest's data type of a file: its name in camel case ({@code directMessagesGroup}, {@code tweet}). */
    private static String dataType(String path) {
        String[] words = baseName(path).split("-");
        StringBuilder type = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            type.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return type.toString();
    }

    /** Opens {@code path}, writes {@code prefix} ({@code window.… = }); returns a generator for the JSON after it. */
    private static JsonGenerator open(ExportSink sink, String path, String prefix, long[] bytes) throws IOException {
        OutputStream out = new Counting(sink.open(path), bytes);
        try {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
            g.useDefaultPrettyPrinter();
            return g;
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }

    /** One part of a data file: its path, global name, elements and rows. */
    private static final class Part {
        final String path;
        final String global;
        long elements;
        long rows;

        Part(String path, String global) {
            this.path = path;
            this.global = global;
        }
    }

    /**
     * One data file written element by element, split into parts of at most {@code perPart} elements:
     * {@code <name>.js} ({@code window.YTD.<name, dashes as underscores>.part0 = [ … ]}), then
     * {@code <name>-part1.js} ({@code …part1}) and so on. Part 0 is written even when there is no element.
     */
    private static final class DataFile implements Closeable {
        final String path;
        final List<Part> parts = new ArrayList<>();
        private final ExportSink sink;
        private final int perPart;
        private final long[] bytes;
        private JsonGenerator g;

        DataFile(ExportSink sink, String path, int perPart, long[] bytes) {
            this.sink = sink;
            this.path = path;
            this.perPart = perPart;
            this.bytes = bytes;
        }

        /** The generator to write the next element with, which counts as {@code rows} rows; starts a part when full. */
        JsonGenerator next(long rows) throws IOException {
            if (g == null || parts.get(parts.size() - 1).elements == perPart) {
                startPart();
            }
            Part p = parts.get(parts.size() - 1);
            p.elements++;
            p.rows += rows;
            return g;
        }

        private void startPart() throws IOException {
            finishPart();
            int n = parts.size();
            Part p = new Part(n == 0 ? path : "data/" + baseName(path) + "-part" + n + ".js",
                    "YTD." + baseName(path).replace('-', '_') + ".part" + n);
            parts.add(p);
            g = open(sink, p.path, "window." + p.global + " = ", bytes);
            g.writeStartArray();
        }

        private void finishPart() throws IOException {
            if (g != null) {
                try {
                    g.writeEndArray();
                } finally {
                    g.close();
                    g = null;
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (parts.isEmpty()) {
                startPart();
            }
            finishPart();
        }
    }

    /** Counts the bytes written into {@code total[0]}. */
    private static final class Counting extends FilterOutputStream {
        private final long[] total;

        Counting(OutputStream out, long[] total) {
            super(out);
            this.total = total;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            total[0]++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            total[0] += len;
        }
    }
}
