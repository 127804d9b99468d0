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
 * Facebook / Meta "Download your information" in JSON, 2024-25 layout (reference/export-formats.md §2), inside a
 * {@code facebook-<name>-<date>/} wrapper folder:
 * <ul>
 *   <li>{@code connections/friends/your_friends.json}: {@code {"friends_v2": [{"name", "timestamp"}]}}, newest
 *       first, epoch seconds;</li>
 *   <li>{@code connections/friends/received_friend_requests.json} ({@code received_requests_v2}) and
 *       {@code sent_friend_requests.json} ({@code sent_requests_v2}): pending requests only (Facebook keeps no record
 *       of accepted ones, so notes and who invited whom are unknown);</li>
 *   <li>{@code your_facebook_activity/messages/inbox/<slug>_<digits>/message_1.json}: {@code participants},
 *       {@code messages} newest first ({@code sender_name}, {@code timestamp_ms}, {@code content},
 *       {@code type: Generic}), {@code title}, {@code is_still_participant}, {@code thread_type},
 *       {@code thread_path}, {@code magic_words}.</li>
 * </ul>
 * Names are ASCII, so Facebook's mojibake escaping does not arise.
 */
public final class FacebookExportWriter implements ExportWriter {
    public static final String FRIENDS = "connections/friends/your_friends.json";
    public static final String RECEIVED = "connections/friends/received_friend_requests.json";
    public static final String SENT = "connections/friends/sent_friend_requests.json";
    public static final String INBOX = "your_facebook_activity/messages/inbox/";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();
    private static final long TEXT_STREAM = 1L << 44;

    @Override
    public String platform() {
        return "facebook";
    }

    @Override
    public Map<String, Long> write(SynthOwner o, ExportSink sink) throws IOException {
        String root = "facebook-" + slug(o.owner()) + "-" + DATE.format(o.exportAt()) + "/";
        Map<String, Long> rows = new TreeMap<>();
        List<Contact> friends = new ArrayList<>(o.contacts().subList(0, o.nTies()));
        friends.sort(Comparator.comparing(Contact::connectedAt).reversed());
        rows.put(FRIENDS, people(sink, root + FRIENDS, "friends_v2", friends.stream()
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
            rows.put(outgoing ? SENT : RECEIVED, people(sink, root + (outgoing ? SENT : RECEIVED),
                    outgoing ? "sent_requests_v2" : "received_requests_v2", requests));
        }
        List<List<Integer>> byConversation = new ArrayList<>();
        for (int c = 0; c < o.conversations().size(); c++) {
            byConversation.add(new ArrayList<>());
        }
        for (int i = 0; i < o.messages().size(); i++) {
            byConversation.get(o.messages().get(i).conversation()).add(i);
        }
        for (int c = 0; c < o.conversations().size(); c++) {
            List<Integer> mine = byConversation.get(c);
            if (mine.isEmpty()) {
                continue;
            }
            Conversation conv = o.conversations().get(c);
            String folder = threadFolder(o, conv, c);
            String path = INBOX + folder + "/message_1.json";
            rows.put(path, thread(o, sink, root + path, conv, folder, mine));
        }
        return rows;
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

    private static long thread(SynthOwner o, ExportSink sink, String path, Conversation conv, String folder,
                               List<Integer> messages) throws IOException {
        List<Integer> newestFirst = new ArrayList<>(messages);
        newestFirst.sort(Comparator.comparing((Integer i) -> o.messages().get(i).at()).reversed()
                .thenComparing(Comparator.reverseOrder()));
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
        return messages.size();
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
