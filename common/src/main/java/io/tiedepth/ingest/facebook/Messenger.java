package io.tiedepth.ingest.facebook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tiedepth.text.Dates;
import io.tiedepth.ingest.FileTally;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.pseudo.Mojibake;
import io.tiedepth.pseudo.PersonKeys;
import io.tiedepth.text.JsonFiles;
import io.tiedepth.text.TextCounts;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Messenger threads of a Facebook export: every section ({@code inbox}, {@code archived_threads},
 * {@code filtered_threads}, {@code message_requests}, {@code e2ee_cutover}) and every part
 * ({@code message_1.json} is the newest, {@code _2…} go back; 2018's single {@code message.json}).
 *
 * <p><b>Threads.</b> Parts are grouped by thread folder name (the thread key, pseudonymized later), across
 * sections; their messages are merged, sorted ascending, and exact repeats (same sender, millisecond, type, text
 * and call length) dropped. A thread's members are its {@code participants} ∪ every {@code sender_name} (people
 * who left drop out of {@code participants}); names are mojibake-repaired first. A deactivated account
 * ({@code "Facebook User"}) is one person per thread, not one person across threads.
 *
 * <p><b>Messages.</b> Read only when the owner is known: the owner's message to a thread with k other members is k
 * {@code out} interactions; any other member's is one {@code in} interaction with its sender. {@code is_group}
 * when the thread has more than two people (members ∪ owner). {@code type: Call} is channel {@code call} with
 * {@code call_duration} as duration (no words); everything else is {@code message}, with words and chars of the
 * repaired {@code content} (null without content). Accepted without an interaction, and counted in a warning:
 * system messages ({@code Subscribe}/{@code Unsubscribe}: joins and leaves), unsent messages
 * ({@code is_unsent}: the text was withdrawn), repeats, and the owner's messages to a thread with nobody else
 * left. Rejected: a message with no sender ({@code missing_sender}), no usable {@code timestamp_ms}
 * ({@code bad_timestamp}), not an object ({@code not_object}), or, when the owner is not recognised, every
 * message that needs the owner ({@code owner_unknown}). Reactions to messages are not read.
 */
final class Messenger {
    enum Type {
        MESSAGE, CALL, SYSTEM, UNSENT
    }

    /** One message, reduced to what is kept; the text is gone once words and chars are counted. */
    record Message(String sender, long atMs, Type type, Integer words, Integer chars, Integer durationS,
                   int textHash, FileTally file, String location) {
    }

    /** One thread, merged over its parts. Member names: normalised → display (repaired). */
    static final class Thread {
        final String key;
        final Map<String, String> members = new LinkedHashMap<>();
        final List<Message> messages = new ArrayList<>();
        String title;

        Thread(String key) {
            this.key = key;
        }

        String addMember(String displayName) {
            String display = deactivatedAware(displayName, key);
            String norm = PersonKeys.normaliseName(display);
            members.putIfAbsent(norm, display);
            return norm;
        }

        Map<String, Long> sentCounts() {
            Map<String, Long> out = new HashMap<>();
            for (Message m : messages) {
                out.merge(m.sender(), 1L, Long::sum);
            }
            return out;
        }
    }

    private static final Set<String> DEACTIVATED = Set.of("facebook user", "instagram user", "messenger user");

    private final Map<String, Thread> threads = new TreeMap<>();
    private long newestMs = Long.MIN_VALUE;

    Collection<Thread> threads() {
        return threads.values();
    }

    /** Newest message time over all threads, or null when there is none. */
    Instant newest() {
        return newestMs == Long.MIN_VALUE ? null : Instant.ofEpochMilli(newestMs);
    }

    /** Reads one thread part; rows are counted in {@code tally} when {@link #emit} decides their fate. */
    void load(String path, InputStream in, FileTally tally) {
        String[] seg = path.split("/");
        int i = ThreadPaths.threadSegment(seg);
        String folder = seg[i < 0 ? seg.length - 2 : i];
        Thread t = threads.computeIfAbsent(folder, Thread::new);
        try (JsonParser p = JsonFiles.parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                tally.failFile("file", "unknown_layout", "Cannot read Messenger thread: the file is not a JSON object");
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "participants" -> readParticipants(JsonFiles.tree(p), t);
                    case "title", "threadName" -> {
                        if (v == JsonToken.VALUE_STRING) {
                            t.title = PersonKeys.normaliseName(Mojibake.repair(p.getText()));
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "messages" -> {
                        if (v == JsonToken.START_ARRAY) {
                            JsonFiles.streamArray(p, "$.messages", (item, at) -> readMessage(item, at, t, tally));
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            tally.failFile("file", JsonFiles.reasonCode(e), "Cannot read Messenger thread: " + JsonFiles.describe(e));
        }
    }

    private static void readParticipants(JsonNode list, Thread t) {
        if (!list.isArray()) {
            return;
        }
        for (JsonNode p : list) {
            String name = p.isTextual() ? p.asText() : p.path("name").asText(null);
            if (name != null && !name.isBlank()) {
                t.addMember(Mojibake.repair(name));
            }
        }
    }

    private void readMessage(JsonNode m, String at, Thread t, FileTally tally) {
        if (!m.isObject()) {
            tally.reject(at, "not_object", "Cannot read message: it is not a JSON object");
            return;
        }
        String sender = text(m, "sender_name", "senderName");
        if (sender == null || sender.isBlank()) {
            tally.reject(at, "missing_sender", "Cannot read message: it has no sender_name");
            return;
        }
        JsonNode ts = m.has("timestamp_ms") ? m.get("timestamp_ms") : m.get("timestamp");
        long ms = ts == null ? 0 : ts.isNumber() ? ts.asLong() : ts.isTextual() ? parseLong(ts.asText()) : 0;
        if (ms <= 0 || !Dates.plausible(Instant.ofEpochMilli(ms))) {
            tally.reject(at, "bad_timestamp", "Cannot read message: timestamp_ms is missing, not positive or "
                    + "outside the plausible range 1995-2099");
            return;
        }
        String senderNorm = t.addMember(Mojibake.repair(sender));
        String type = Objects.requireNonNullElse(text(m, "type", "type"), "Generic");
        boolean unsent = m.path("is_unsent").asBoolean(false) || m.path("isUnsent").asBoolean(false);
        String content = text(m, "content", "text");
        String repaired = content == null ? null : Mojibake.repair(content);
        Type kind;
        Integer duration = null;
        Integer words = null;
        Integer chars = null;
        if (unsent) {
            kind = Type.UNSENT;
        } else if (type.equals("Subscribe") || type.equals("Unsubscribe")) {
            kind = Type.SYSTEM;
        } else if (type.equals("Call")) {
            kind = Type.CALL;
            JsonNode d = m.get("call_duration");
            duration = d != null && d.canConvertToInt() ? Math.max(0, d.asInt()) : null;
        } else {
            kind = Type.MESSAGE;
            words = TextCounts.words(repaired);
            chars = TextCounts.chars(repaired);
        }
        t.messages.add(new Message(senderNorm, ms, kind, words, chars, duration,
                repaired == null ? 0 : repaired.hashCode(), tally, at));
        newestMs = Math.max(newestMs, ms);
    }

    /**
     * Emits the interactions of every thread, owner known or not (see the class comment), and warns with the
     * counts of messages accepted without an interaction.
     *
     * @param owner normalised owner name, or null when not recognised
     */
    void emit(String owner, ParsedExport out) {
        long system = 0;
        long unsent = 0;
        long repeats = 0;
        long alone = 0;
        for (Thread t : threads.values()) {
            List<Message> sorted = new ArrayList<>(t.messages);
            sorted.sort(Comparator.comparingLong(Message::atMs));
            Set<String> people = new HashSet<>(t.members.keySet());
            if (owner != null) {
                people.add(owner);
            }
            boolean group = people.size() > 2;
            Set<List<Object>> seen = new HashSet<>();
            for (Message m : sorted) {
                if (!seen.add(List.of(m.sender(), m.atMs(), m.type(), m.textHash(),
                        Objects.requireNonNullElse(m.durationS(), -1)))) {
                    repeats++;
                    m.file().accept();
                    continue;
                }
                if (m.type() == Type.SYSTEM) {
                    system++;
                    m.file().accept();
                    continue;
                }
                if (m.type() == Type.UNSENT) {
                    unsent++;
                    m.file().accept();
                    continue;
                }
                if (owner == null) {
                    m.file().reject(m.location(), "owner_unknown",
                            "Cannot place message: the export's owner is not recognised among the thread members");
                    continue;
                }
                Instant at = Instant.ofEpochMilli(m.atMs());
                String channel = m.type() == Type.CALL ? "call" : "message";
                if (m.sender().equals(owner)) {
                    int k = 0;
                    for (Map.Entry<String, String> e : t.members.entrySet()) {
                        if (!e.getKey().equals(owner)) {
                            out.interactions().add(new RawInteraction(PersonRef.ofName(e.getValue()), at, channel,
                                    "out", t.key, group, m.words(), m.chars(), m.durationS()));
                            k++;
                        }
                    }
                    if (k == 0) {
                        alone++;
                    }
                } else {
                    out.interactions().add(new RawInteraction(PersonRef.ofName(t.members.get(m.sender())), at,
                            channel, "in", t.key, group, m.words(), m.chars(), m.durationS()));
                }
                m.file().accept();
            }
        }
        if (system + unsent + repeats + alone > 0) {
            out.warn("Messenger: " + system + " system message(s) (joins, leaves), " + unsent + " unsent, "
                    + repeats + " repeated and " + alone
                    + " sent to a thread with nobody else were counted but are not interactions");
        }
    }

    /**
     * Recognises the owner among the thread members (normalised names), in order; each step only narrows the
     * candidates left by the one before, and a step that would leave none is skipped:
     * <ol>
     *   <li>the names present in the most threads (every thread, unless the owner left one without writing);</li>
     *   <li>not in the owner's friend lists (friends, removed friends, requests): nobody is their own friend;</li>
     *   <li>most often the member who is <em>not</em> the title of a two-person thread (a one-to-one thread is
     *       titled with the other person's name);</li>
     *   <li>most often the subject of the activity titles ("A commented on B's post.": A is the owner);</li>
     *   <li>the one who sent the most messages.</li>
     * </ol>
     * With no thread at all, the candidates are the activity-title subjects. Null when still ambiguous (or
     * nothing names anyone): the reader then cannot orient messages.
     */
    static String recogniseOwner(Collection<Thread> threads, Set<String> friendNames, Map<String, Long> titleSubjects) {
        Map<String, Long> threadCount = new HashMap<>();
        Map<String, Long> notTitle = new HashMap<>();
        Map<String, Long> sent = new HashMap<>();
        for (Thread t : threads) {
            t.members.keySet().forEach(n -> threadCount.merge(n, 1L, Long::sum));
            if (t.members.size() == 2 && t.title != null && t.members.containsKey(t.title)) {
                t.members.keySet().stream().filter(n -> !n.equals(t.title))
                        .forEach(n -> notTitle.merge(n, 1L, Long::sum));
            }
            t.sentCounts().forEach((n, c) -> sent.merge(n, c, Long::sum));
        }
        Set<String> candidates = threadCount.isEmpty() ? new HashSet<>(titleSubjects.keySet())
                : best(threadCount.keySet(), threadCount);
        Set<String> notFriends = new HashSet<>(candidates);
        notFriends.removeAll(friendNames);
        if (!notFriends.isEmpty()) {
            candidates = notFriends;
        }
        candidates = best(candidates, notTitle);
        candidates = best(candidates, titleSubjects);
        candidates = best(candidates, sent);
        return candidates.size() == 1 ? candidates.iterator().next() : null;
    }

    /** The candidates with the highest score (absent = 0); all of them when nobody scores. */
    private static Set<String> best(Set<String> candidates, Map<String, Long> score) {
        long max = 0;
        for (String c : candidates) {
            max = Math.max(max, score.getOrDefault(c, 0L));
        }
        if (max == 0) {
            return candidates;
        }
        Set<String> out = new HashSet<>();
        for (String c : candidates) {
            if (score.getOrDefault(c, 0L) == max) {
                out.add(c);
            }
        }
        return out;
    }

    /** "Facebook User" (a deactivated account) becomes a name of its own per thread. */
    static String deactivatedAware(String name, String threadKey) {
        return DEACTIVATED.contains(name.strip().toLowerCase(Locale.ROOT)) ? name.strip() + " #" + threadKey : name;
    }

    private static String text(JsonNode m, String key, String altKey) {
        JsonNode n = m.has(key) ? m.get(key) : m.get(altKey);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
