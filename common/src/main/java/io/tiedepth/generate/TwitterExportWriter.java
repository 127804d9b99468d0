package io.tiedepth.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tiedepth.generate.Names.Person;
import io.tiedepth.generate.SynthOwner.Contact;
import io.tiedepth.generate.SynthOwner.Conversation;
import io.tiedepth.generate.SynthOwner.Message;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * X / Twitter archive ("Download an archive of your data"), the 2022+ layout (reference/export-formats.md §3):
 * {@code Your archive.html} and {@code data/*.js}, each file {@code window.YTD.<type>.part0 = [ … ]}:
 * <ul>
 *   <li>{@code account.js}: the owner's {@code accountId}, {@code username}, {@code createdAt};</li>
 *   <li>{@code follower.js} / {@code following.js}: {@code {accountId, userLink}}, no dates. Core ties and every
 *       third other tie follow each other (both files); of the rest, one half only follows the owner, the other
 *       half is only followed by the owner;</li>
 *   <li>{@code direct-messages.js}: one-to-one conversations, id {@code <smaller id>-<larger id>}, events newest
 *       first: {@code messageCreate{recipientId, senderId, id, text, createdAt}} and, for one in ten inbound
 *       messages, the owner's {@code reactionCreate} a minute later;</li>
 *   <li>{@code direct-messages-group.js}: group threads, numeric ids; the oldest events are the owner being added
 *       ({@code joinConversation} with the {@code participantsSnapshot}) and the group's name;</li>
 *   <li>{@code tweets.js} ({@code {"tweet": …}} wrapper, {@code created_at} {@code EEE MMM dd HH:mm:ss Z yyyy}):
 *       the owner's own tweets, self-replies (threads) and retweets, none of which is an interaction;</li>
 *   <li>{@code manifest.js} ({@code window.__THAR_CONFIG}): every file with its global name and element count.</li>
 * </ul>
 * The archive has no connection dates and no invitations, so ties have no {@code connected_at}, bursts and the
 * invitation note are not observable, and inbound requests are the conversations a contact opened. Account ids are
 * 18 digits derived from the person's profile bits, so a contact shared by several owners keeps one id.
 */
public final class TwitterExportWriter implements ExportWriter {
    public static final String ACCOUNT = "data/account.js";
    public static final String FOLLOWER = "data/follower.js";
    public static final String FOLLOWING = "data/following.js";
    public static final String DMS = "data/direct-messages.js";
    public static final String GROUP_DMS = "data/direct-messages-group.js";
    public static final String TWEETS = "data/tweets.js";
    public static final String MANIFEST = "data/manifest.js";
    public static final String HTML = "Your archive.html";

    /** The manifest's data type of each file. */
    private static final Map<String, String> DATA_TYPES = Map.of(ACCOUNT, "account", FOLLOWER, "follower",
            FOLLOWING, "following", DMS, "directMessages", GROUP_DMS, "directMessagesGroup", TWEETS, "tweets");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TWEET_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();
    private static final long ID_BASE = 100_000_000_000_000_000L;
    private static final long TEXT_STREAM = 1L << 44;
    private static final long TWEET_STREAM = 1L << 46;

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
        Map<String, Long> rows = new TreeMap<>();
        Map<String, long[]> manifest = new LinkedHashMap<>();
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
        put(rows, manifest, ACCOUNT, account(o, sink, owner, bytes));

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
        put(rows, manifest, FOLLOWER, follows(sink, FOLLOWER, "follower", followers, bytes));
        put(rows, manifest, FOLLOWING, follows(sink, FOLLOWING, "following", following, bytes));

        List<List<Integer>> byConversation = new ArrayList<>();
        for (int c = 0; c < o.conversations().size(); c++) {
            byConversation.add(new ArrayList<>());
        }
        for (int i = 0; i < o.messages().size(); i++) {
            byConversation.get(o.messages().get(i).conversation()).add(i);
        }
        for (boolean group : new boolean[] {false, true}) {
            String path = group ? GROUP_DMS : DMS;
            long[] counts = directMessages(o, sink, path, group, owner, ids, byConversation, bytes);
            rows.put(path, counts[0]);
            manifest.put(path, new long[] {counts[1]});
        }
        put(rows, manifest, TWEETS, tweets(o, sink, owner, bytes));
        manifest(o, sink, owner, manifest, bytes[0]);
        rows.put(MANIFEST, 1L);
        return rows;
    }

    private static void put(Map<String, Long> rows, Map<String, long[]> manifest, String path, long n) {
        rows.put(path, n);
        manifest.put(path, new long[] {n});
    }

    private static long account(SynthOwner o, ExportSink sink, String owner, long[] bytes) throws IOException {
        Person p = o.owner();
        Instant created = o.exportAt().minusSeconds((long) (o.plan().tenureDays() * 86_400L) + 86_400L);
        try (JsonGenerator g = open(sink, ACCOUNT, global(ACCOUNT), bytes)) {
            g.writeStartArray();
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
            g.writeEndArray();
        }
        return 1;
    }

    private static long follows(ExportSink sink, String path, String key, List<String> accounts, long[] bytes)
            throws IOException {
        try (JsonGenerator g = open(sink, path, global(path), bytes)) {
            g.writeStartArray();
            for (String id : accounts) {
                g.writeStartObject();
                g.writeObjectFieldStart(key);
                g.writeStringField("accountId", id);
                g.writeStringField("userLink", "https://twitter.com/intent/user?user_id=" + id);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return accounts.size();
    }

    /** @return {events written, conversations written} */
    private static long[] directMessages(SynthOwner o, ExportSink sink, String path, boolean group, String owner,
                                         String[] ids, List<List<Integer>> byConversation, long[] bytes)
            throws IOException {
        long events = 0;
        long conversations = 0;
        try (JsonGenerator g = open(sink, path, global(path), bytes)) {
            g.writeStartArray();
            for (int c = 0; c < o.conversations().size(); c++) {
                Conversation conv = o.conversations().get(c);
                List<Integer> mine = byConversation.get(c);
                if (conv.isGroup() != group || mine.isEmpty()) {
                    continue;
                }
                conversations++;
                List<Integer> newestFirst = new ArrayList<>(mine);
                newestFirst.sort(Comparator.comparing((Integer i) -> o.messages().get(i).at()).reversed()
                        .thenComparing(Comparator.reverseOrder()));
                String id = group ? String.valueOf(ID_BASE * 19 + o.index() * 1_000_000L + c)
                        : oneToOneId(owner, ids[conv.members()[0]]);
                g.writeStartObject();
                g.writeObjectFieldStart("dmConversation");
                g.writeStringField("conversationId", id);
                g.writeArrayFieldStart("messages");
                for (int i : newestFirst) {
                    Message m = o.messages().get(i);
                    String sender = m.sender() == SynthOwner.OWNER ? owner : ids[m.sender()];
                    if (!group && m.sender() != SynthOwner.OWNER && i % 10 == 0) {
                        reaction(g, owner, m.at().plusSeconds(60), messageId(o, i) + 1);
                        events++;
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
                    events++;
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
                    events += 2;
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return new long[] {events, conversations};
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
     * continuing a thread and a tenth retweets of a contact. None is an interaction.
     */
    private static long tweets(SynthOwner o, ExportSink sink, String owner, long[] bytes) throws IOException {
        Rand r = Rand.of(o.seed(), o.index(), TWEET_STREAM);
        int n = Math.min(200, r.poisson(52));
        List<Instant> times = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            times.add(o.exportAt().minusSeconds(r.belowLong(365L * 86_400L)));
        }
        times.sort(Comparator.reverseOrder());
        long base = 1_600_000_000_000_000_000L + (long) o.index() * 1_000L;
        try (JsonGenerator g = open(sink, TWEETS, global(TWEETS), bytes)) {
            g.writeStartArray();
            for (int t = 0; t < n; t++) {
                boolean selfReply = t + 1 < n && r.chance(0.2);
                int retweeted = !selfReply && o.nTies() > 0 && r.chance(0.1) ? r.below(o.nTies()) : -1;
                String text = Names.text(r, r.between(3, 30), 0);
                g.writeStartObject();
                g.writeObjectFieldStart("tweet");
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
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return n;
    }

    private static void manifest(SynthOwner o, ExportSink sink, String owner, Map<String, long[]> files,
                                 long sizeBytes) throws IOException {
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
            for (Map.Entry<String, long[]> f : files.entrySet()) {
                g.writeObjectFieldStart(DATA_TYPES.get(f.getKey()));
                g.writeArrayFieldStart("files");
                g.writeStartObject();
                g.writeStringField("fileName", f.getKey());
                g.writeStringField("globalName", global(f.getKey()));
                g.writeStringField("count", String.valueOf(f.getValue()[0]));
                g.writeEndObject();
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

    /** {@code YTD.<file name without data/ and .js, dashes as underscores>.part0}, as X names a file's array. */
    private static String global(String path) {
        return "YTD." + path.substring("data/".length(), path.length() - ".js".length()).replace('-', '_') + ".part0";
    }

    /**
     * Opens {@code path}, writes {@code window.<global> = } (or {@code global} itself when it is a whole
     * {@code window.… = } prefix) and returns a generator for the JSON that follows. */
    private static JsonGenerator open(ExportSink sink, String path, String global, long[] bytes) throws IOException {
        OutputStream out = new Counting(sink.open(path), bytes);
        try {
            out.write((global.startsWith("window.") ? global : "window." + global + " = ")
                    .getBytes(StandardCharsets.UTF_8));
            return generator(out);
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        return g;
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
