package io.tiedepth.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.tiedepth.generate.Names.Person;
import io.tiedepth.generate.SynthOwner.Contact;
import io.tiedepth.generate.SynthOwner.Conversation;
import io.tiedepth.generate.SynthOwner.Invitation;
import io.tiedepth.generate.SynthOwner.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Facebook / Meta "Download your information" in JSON, in the folder layout of the owner's era
 * ({@link SynthOwner#era()}, one of {@link GeneratorParams#FACEBOOK_ERAS}; reference/export-formats.md §2), inside a
 * {@code facebook-<name>-<date>/} wrapper folder:
 * <table>
 *   <caption>Files per era ({@code LAYOUTS})</caption>
 *   <tr><th>era</th><th>friends, received and sent requests (keys)</th><th>one thread</th><th>reader's era</th></tr>
 *   <tr><td>2024</td><td>{@code connections/friends/your_friends.json}, {@code received_friend_requests.json},
 *       {@code sent_friend_requests.json} ({@code friends_v2}, {@code received_requests_v2},
 *       {@code sent_requests_v2})</td><td>{@code your_facebook_activity/messages/inbox/<thread>/message_<n>.json}</td>
 *       <td>facebook-2024</td></tr>
 *   <tr><td>2023</td><td>as 2024</td><td>{@code your_activity_across_facebook/messages/inbox/<thread>/message_<n>.json}
 *       </td><td>facebook-2023</td></tr>
 *   <tr><td>2021</td><td>{@code friends_and_followers/friends.json}, {@code friend_requests_received.json},
 *       {@code friend_requests_sent.json} ({@code _v2} keys)</td><td>{@code messages/inbox/<thread>/message_<n>.json}
 *       </td><td>facebook-2021</td></tr>
 *   <tr><td>2019 (2018-20)</td><td>{@code friends/friends.json}, {@code received_friend_requests.json},
 *       {@code sent_friend_requests.json} ({@code friends}, {@code received_requests}, {@code sent_requests})</td>
 *       <td>{@code messages/inbox/<thread>/message_<n>.json}</td><td>facebook-2018</td></tr>
 *   <tr><td>2018</td><td>as 2019</td><td>{@code messages/<thread>/message.json}, one file per thread</td>
 *       <td>facebook-2018</td></tr>
 * </table>
 * <ul>
 *   <li>Friend items are {@code {"name", "timestamp"}} (epoch seconds, UTC), newest first. The request files hold
 *       the pending requests only (Facebook keeps no record of accepted ones, so notes and who invited whom are
 *       unknown).</li>
 *   <li>A thread folder is {@code <lower-case letters of the title>_<10 digits>}. Every part holds
 *       {@code participants} (the owner last), {@code messages} newest first ({@code sender_name},
 *       {@code timestamp_ms}, {@code content}, {@code type: Generic}), {@code title}, {@code is_still_participant},
 *       {@code thread_type}, {@code thread_path} ({@code inbox/<thread>} in every era) and {@code magic_words}.</li>
 *   <li>A thread of more than {@value #PART_SIZE} messages is split as Facebook splits it: {@code message_1.json}
 *       holds the newest {@value #PART_SIZE}, {@code message_2.json} the next, and so on. The 2018 layout has one
 *       {@code message.json} per thread, never split.</li>
 * </ul>
 * Names are ASCII, so Facebook's mojibake escaping does not arise.
 */
public final class FacebookExportWriter implements ExportWriter {
    /** Messages per thread part in the eras with {@code message_<n>.json} files. */
    public static final int PART_SIZE = 10_000;

    /**
     * Where an era puts things.
     *
     * @param friendsDir the folder of the friends and request files
     * @param friends    the friends file in it; {@code received}, {@code sent}: the pending-request files
     * @param keySuffix  {@code _v2} or "" after {@code friends}, {@code received_requests}, {@code sent_requests}
     * @param threads    the folder holding the thread folders
     * @param parts      threads are {@code message_<n>.json} parts; else one {@code message.json}
     */
    record Layout(String friendsDir, String friends, String received, String sent, String keySuffix, String threads,
                  boolean parts) {
    }

    /** The layout of each era of {@link GeneratorParams#FACEBOOK_ERAS}. */
    static final Map<String, Layout> LAYOUTS = Map.of(
            "2024", new Layout("connections/friends/", "your_friends.json", "received_friend_requests.json",
                    "sent_friend_requests.json", "_v2", "your_facebook_activity/messages/inbox/", true),
            "2023", new Layout("connections/friends/", "your_friends.json", "received_friend_requests.json",
                    "sent_friend_requests.json", "_v2", "your_activity_across_facebook/messages/inbox/", true),
            "2021", new Layout("friends_and_followers/", "friends.json", "friend_requests_received.json",
                    "friend_requests_sent.json", "_v2", "messages/inbox/", true),
            "2019", new Layout("friends/", "friends.json", "received_friend_requests.json",
                    "sent_friend_requests.json", "", "messages/inbox/", true),
            "2018", new Layout("friends/", "friends.json", "received_friend_requests.json",
                    "sent_friend_requests.json", "", "messages/", false));

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();
    private static final long TEXT_STREAM = 1L << 44;

    private final int partSize;

    public FacebookExportWriter() {
        this(PART_SIZE);
    }

    /** A writer splitting threads into parts of {@code partSize} messages (tests use small parts). */
    FacebookExportWriter(int partSize) {
        this.partSize = partSize;
    }

    @Override
    public String platform() {
        return "facebook";
    }

    @Override
    public Map<String, Long> write(SynthOwner o, ExportSink sink) throws IOException {
        Layout layout = LAYOUTS.get(o.era());
        if (layout == null) {
            throw new IllegalArgumentException("Cannot write Facebook export: unknown era " + o.era()
                    + " (known: " + String.join(", ", GeneratorParams.FACEBOOK_ERAS) + ")");
        }
        String root = "facebook-" + slug(o.owner()) + "-" + DATE.format(o.exportAt()) + "/";
        Map<String, Long> rows = new TreeMap<>();
        List<Contact> friends = new ArrayList<>(o.contacts().subList(0, o.nTies()));
        friends.sort(Comparator.comparing(Contact::connectedAt).reversed());
        String friendsPath = layout.friendsDir() + layout.friends();
        rows.put(friendsPath, people(sink, root + friendsPath, "friends" + layout.keySuffix(), friends.stream()
                .map(c -> new Entry(c.person().fullName(), c.connectedAt().getEpochSecond())).toList()));
        for (boolean outgoing : new boolean[] {false, true}) {
            List<Entry> requests = new ArrayList<>();
            for (int i = o.invitations().size() - 1; i >= 0; i--) {
                Invitation inv = o.invitations().get(i);
                if (inv.outgoing() == outgoing) {
                    requests.add(new Entry(o.contacts().get(inv.contact()).person().fullName(),
                            inv.sentAt().getEpochSecond()));
                }
            }
            String path = layout.friendsDir() + (outgoing ? layout.sent() : layout.received());
            rows.put(path, people(sink, root + path,
                    (outgoing ? "sent_requests" : "received_requests") + layout.keySuffix(), requests));
        }
        threads(o, sink, root, layout, rows);
        return rows;
    }

    /** Writes each conversation with messages as a thread folder of {@code layout}, counting rows per part. */
    private void threads(SynthOwner o, ExportSink sink, String root, Layout layout, Map<String, Long> rows)
            throws IOException {
        List<List<Integer>> byConversation = new ArrayList<>();
        for (int c = 0; c < o.conversations().size(); c++) {
            byConversation.add(new ArrayList<>());
        }
        for (int i = 0; i < o.messages().size(); i++) {
            byConversation.get(o.messages().get(i).conversation()).add(i);
        }
        for (int c = 0; c < o.conversations().size(); c++) {
            List<Integer> newestFirst = byConversation.get(c);
            newestFirst.sort(Comparator.comparing((Integer i) -> o.messages().get(i).at()).reversed()
                    .thenComparing(Comparator.reverseOrder()));
            Conversation conv = o.conversations().get(c);
            String folder = threadFolder(o, conv, c);
            int size = layout.parts() ? partSize : Math.max(1, newestFirst.size());
            for (int from = 0, part = 1; from < newestFirst.size(); from += size, part++) {
                String path = layout.threads() + folder + "/"
                        + (layout.parts() ? "message_" + part + ".json" : "message.json");
                rows.put(path, thread(o, sink, root + path, conv, folder,
                        newestFirst.subList(from, Math.min(from + size, newestFirst.size()))));
            }
        }
    }

    private record Entry(String name, long timestamp) {
    }

    private static long people(ExportSink sink, String path, String key, List<Entry> entries) throws IOException {
        try (JsonGenerator g = generator(sink.open(path))) {
            g.writeStartObject();
            g.writeArrayFieldStart(key);
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("name", e.name());
                g.writeNumberField("timestamp", e.timestamp());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return entries.size();
    }

    /** One thread part holding {@code newestFirst} (message indices, newest first). */
    private static long thread(SynthOwner o, ExportSink sink, String path, Conversation conv, String folder,
                               List<Integer> newestFirst) throws IOException {
        try (JsonGenerator g = generator(sink.open(path))) {
            g.writeStartObject();
            g.writeArrayFieldStart("participants");
            for (int m : conv.members()) {
                g.writeStartObject();
                g.writeStringField("name", o.contacts().get(m).person().fullName());
                g.writeEndObject();
            }
            g.writeStartObject();
            g.writeStringField("name", o.owner().fullName());
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("messages");
            for (int i : newestFirst) {
                Message m = o.messages().get(i);
                Person sender = m.sender() == SynthOwner.OWNER ? o.owner() : o.contacts().get(m.sender()).person();
                g.writeStartObject();
                g.writeStringField("sender_name", sender.fullName());
                g.writeNumberField("timestamp_ms", m.at().toEpochMilli());
                g.writeStringField("content", Names.text(Rand.of(o.seed(), o.index(), TEXT_STREAM + i), m.words(),
                        m.multiline() ? 1.0 : 0.0));
                g.writeStringField("type", "Generic");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("title", conv.isGroup() ? conv.title()
                    : o.contacts().get(conv.members()[0]).person().fullName());
            g.writeBooleanField("is_still_participant", true);
            g.writeStringField("thread_type", conv.isGroup() ? "RegularGroup" : "Regular");
            g.writeStringField("thread_path", "inbox/" + folder);
            g.writeArrayFieldStart("magic_words");
            g.writeEndArray();
            g.writeEndObject();
        }
        return newestFirst.size();
    }

    /** {@code <lower-case letters of the title>_<10 digits>}, like Facebook's thread folders; unique per export. */
    private static String threadFolder(SynthOwner o, Conversation conv, int index) {
        String title = conv.isGroup() ? conv.title() : o.contacts().get(conv.members()[0]).person().fullName();
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "_" + (1_000_000_000L + 7919L * index);
    }

    private static String slug(Person p) {
        return p.fullName().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        g.setPrettyPrinter(pp);
        g.configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
        return g;
    }
}
