package io.tiedepth.ingest.twitter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tiedepth.ingest.FileTally;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.TimePoint;
import io.tiedepth.text.Dates;
import io.tiedepth.text.JsonFiles;
import io.tiedepth.text.TextCounts;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Direct messages of an X archive: {@code direct-messages.js} (2019: {@code direct-message.js}), one-to-one, and
 * {@code direct-messages-group.js}. Each element is {@code {"dmConversation":{"conversationId","messages":[…]}}};
 * every entry of {@code messages} is an event and one row. Events are streamed, reduced to ids, times and text
 * counts, and placed once the owner is known.
 *
 * <ul>
 *   <li><b>One-to-one</b> ({@code messageCreate{senderId, recipientId, createdAt, text}}): the owner's message is
 *       one {@code out} interaction with the recipient (from {@code conversationId} {@code <idA>-<idB>} when
 *       {@code recipientId} is missing), anyone else's one {@code in} interaction with the sender.</li>
 *   <li><b>Group</b> (no {@code recipientId}; {@code is_group} always true): membership is replayed in time order
 *       (the file is reverse chronological): {@code joinConversation} (the owner was added) sets the members to
 *       its {@code participantsSnapshot} plus the initiator and the owner; {@code participantsJoin} adds its
 *       {@code userIds} and initiator; {@code participantsLeave} removes its {@code userIds}; a sender is a member.
 *       Before any such event the members are the owner and everyone whose first appearance is not being added.
 *       The owner's message goes {@code out} to every other current member; anyone else's is one {@code in}
 *       interaction with the sender.</li>
 *   <li>Accepted without an interaction (counted in a warning): membership events, reactions, renames and other
 *       events; messages to oneself; the owner's group messages with nobody else present.</li>
 *   <li>Rejected: an event that is not an object ({@code not_object}), a message with no {@code senderId}
 *       ({@code missing_sender}), a message or membership event with no parseable {@code createdAt}
 *       ({@code bad_date}), a one-to-one message neither sent nor received by the owner
 *       ({@code not_owner_message}), and any message when the owner is unknown ({@code owner_unknown}); a
 *       conversation element without {@code dmConversation} is one row rejected ({@code not_conversation}).</li>
 * </ul>
 */
final class DirectMessages {
    enum Kind {
        MESSAGE, JOIN_CONVERSATION, PARTICIPANTS_JOIN, PARTICIPANTS_LEAVE, OTHER
    }

    /** One event, reduced: ids, time and text counts only. */
    record Event(Kind kind, String sender, String recipient, List<String> users, String initiator, Instant at,
                 Integer words, Integer chars, FileTally file, String location) {
    }

    /** One conversation's events in file order. */
    record Conversation(String id, boolean group, List<Event> events) {
    }

    private final List<Conversation> conversations = new ArrayList<>();
    private final Dates.InFile dates = new Dates.InFile();

    List<Conversation> conversations() {
        return conversations;
    }

    /**
     * Reads one DM file.
     *
     * @return the number of conversation elements (for the manifest's count)
     */
    int load(InputStream in, FileTally tally, boolean group) throws IOException {
        int n = 0;
        try (JsonParser p = YtdFiles.open(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new JsonFiles.LayoutException("Cannot read archive file: its value is not a JSON array");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == null) {
                    throw new IOException("Cannot read archive file: it ends inside the array");
                }
                readConversation(p, "$[" + n + "]", tally, group);
                n++;
            }
        }
        return n;
    }

    private void readConversation(JsonParser p, String path, FileTally tally, boolean group) throws IOException {
        boolean found = false;
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (p.nextToken() == JsonToken.START_OBJECT && field.equals("dmConversation")) {
                    found = true;
                    readBody(p, path + ".dmConversation", tally, group);
                } else {
                    p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        if (!found) {
            tally.reject(path, "not_conversation", "Cannot read conversation: it has no dmConversation object");
        }
    }

    private void readBody(JsonParser p, String path, FileTally tally, boolean group) throws IOException {
        String id = null;
        List<Event> events = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("conversationId") && v == JsonToken.VALUE_STRING) {
                id = p.getText();
            } else if (field.equals("messages") && v == JsonToken.START_ARRAY) {
                JsonFiles.streamArray(p, path + ".messages", (e, at) -> {
                    Event ev = readEvent(e, at, tally);
                    if (ev != null) {
                        events.add(ev);
                    }
                });
            } else {
                p.skipChildren();
            }
        }
        conversations.add(new Conversation(id, group, events));
    }

    private Event readEvent(JsonNode e, String at, FileTally tally) {
        if (!e.isObject()) {
            tally.reject(at, "not_object", "Cannot read direct-message event: it is not a JSON object");
            return null;
        }
        Kind kind;
        JsonNode body;
        if (e.has("messageCreate")) {
            kind = Kind.MESSAGE;
            body = e.get("messageCreate");
        } else if (e.has("joinConversation")) {
            kind = Kind.JOIN_CONVERSATION;
            body = e.get("joinConversation");
        } else if (e.has("participantsJoin")) {
            kind = Kind.PARTICIPANTS_JOIN;
            body = e.get("participantsJoin");
        } else if (e.has("participantsLeave")) {
            kind = Kind.PARTICIPANTS_LEAVE;
            body = e.get("participantsLeave");
        } else {
            return new Event(Kind.OTHER, null, null, List.of(), null, null, null, null, tally, at);
        }
        TimePoint tp = dates.parse(body.path("createdAt").asText(null));
        if (tp == null) {
            tally.reject(at, "bad_date", "Cannot read direct-message event: createdAt: "
                    + Dates.problem(body.path("createdAt").asText("")));
            return null;
        }
        if (kind == Kind.MESSAGE) {
            String sender = id(body.get("senderId"));
            if (sender == null) {
                tally.reject(at, "missing_sender", "Cannot read direct message: it has no senderId");
                return null;
            }
            String text = body.path("text").isTextual() ? body.get("text").asText() : null;
            return new Event(kind, sender, id(body.get("recipientId")), List.of(), null, tp.at(),
                    TextCounts.words(text), TextCounts.chars(text), tally, at);
        }
        List<String> users = new ArrayList<>();
        JsonNode list = kind == Kind.JOIN_CONVERSATION ? body.get("participantsSnapshot") : body.get("userIds");
        if (list != null) {
            for (JsonNode u : list) {
                String uid = id(u);
                if (uid != null) {
                    users.add(uid);
                }
            }
        }
        return new Event(kind, null, null, users, id(body.get("initiatingUserId")), tp.at(), null, null, tally, at);
    }

    /**
     * The owner when no {@code account.js} names them: the one id in every one-to-one {@code conversationId}
     * ({@code <idA>-<idB>}); null when there is no such conversation or the id is not unique.
     */
    String inferOwner() {
        Map<String, Integer> seen = new HashMap<>();
        int oneToOne = 0;
        for (Conversation c : conversations) {
            String[] ids = c.group() || c.id() == null ? new String[0] : c.id().split("-");
            if (ids.length == 2) {
                oneToOne++;
                new HashSet<>(List.of(ids)).forEach(i -> seen.merge(i, 1, Integer::sum));
            }
        }
        final int all = oneToOne;
        List<String> inAll = seen.entrySet().stream().filter(e -> e.getValue() == all).map(Map.Entry::getKey).toList();
        return oneToOne > 0 && inAll.size() == 1 ? inAll.get(0) : null;
    }

    /**
     * Emits every conversation's interactions (see the class comment) and warns with the counts of events
     * accepted without one.
     *
     * @param owner the owner's account id, or null when unknown
     */
    void emit(String owner, ParsedExport out) {
        long other = 0;
        long self = 0;
        long alone = 0;
        for (Conversation c : conversations) {
            List<Event> events = new ArrayList<>(c.events());
            Collections.reverse(events);
            events.sort(Comparator.comparing(Event::at, Comparator.nullsFirst(Comparator.naturalOrder())));
            Set<String> members = c.group() && owner != null ? initialMembers(events, owner) : Set.of();
            for (Event e : events) {
                if (e.kind() != Kind.MESSAGE) {
                    if (c.group() && owner != null) {
                        replay(e, members, owner);
                    }
                    other++;
                    e.file().accept();
                    continue;
                }
                if (owner == null) {
                    e.file().reject(e.location(), "owner_unknown",
                            "Cannot place direct message: the archive's owner is not known (no account.js)");
                    continue;
                }
                if (c.group()) {
                    members.add(e.sender());
                    if (e.sender().equals(owner)) {
                        int k = 0;
                        for (String m : members) {
                            if (!m.equals(owner)) {
                                out.interactions().add(interaction(m, e, "out", c));
                                k++;
                            }
                        }
                        alone += k == 0 ? 1 : 0;
                    } else {
                        out.interactions().add(interaction(e.sender(), e, "in", c));
                    }
                    e.file().accept();
                    continue;
                }
                String recipient = e.recipient() != null ? e.recipient() : otherId(c.id(), e.sender());
                if (e.sender().equals(owner)) {
                    if (recipient == null || recipient.equals(owner)) {
                        self++;
                    } else {
                        out.interactions().add(interaction(recipient, e, "out", c));
                    }
                } else if (recipient == null || recipient.equals(owner)) {
                    out.interactions().add(interaction(e.sender(), e, "in", c));
                } else {
                    e.file().reject(e.location(), "not_owner_message",
                            "Cannot place direct message: neither its sender nor its recipient is the owner");
                    continue;
                }
                e.file().accept();
            }
        }
        if (other + self + alone > 0) {
            out.warn("X direct messages: " + other + " event(s) that are not messages (joins, leaves, reactions, "
                    + "renames), " + self + " message(s) to oneself and " + alone
                    + " group message(s) with nobody else present were counted but are not interactions");
        }
    }

    /** Members before the first event: the owner and everyone whose first appearance is not being added. */
    static Set<String> initialMembers(List<Event> chronological, String owner) {
        Set<String> initial = new LinkedHashSet<>();
        initial.add(owner);
        Set<String> seen = new HashSet<>();
        for (Event e : chronological) {
            switch (e.kind()) {
                case MESSAGE -> {
                    if (seen.add(e.sender())) {
                        initial.add(e.sender());
                    }
                }
                case PARTICIPANTS_LEAVE -> e.users().forEach(u -> {
                    if (seen.add(u)) {
                        initial.add(u);
                    }
                });
                case PARTICIPANTS_JOIN -> {
                    if (e.initiator() != null && seen.add(e.initiator())) {
                        initial.add(e.initiator());
                    }
                    seen.addAll(e.users());
                }
                case JOIN_CONVERSATION -> {
                    seen.addAll(e.users());
                    if (e.initiator() != null) {
                        seen.add(e.initiator());
                    }
                }
                default -> {
                }
            }
        }
        return initial;
    }

    /** Applies one membership event to {@code members}. */
    static void replay(Event e, Set<String> members, String owner) {
        switch (e.kind()) {
            case JOIN_CONVERSATION -> {
                members.clear();
                members.addAll(e.users());
                members.add(owner);
                if (e.initiator() != null) {
                    members.add(e.initiator());
                }
            }
            case PARTICIPANTS_JOIN -> {
                members.addAll(e.users());
                if (e.initiator() != null) {
                    members.add(e.initiator());
                }
            }
            case PARTICIPANTS_LEAVE -> e.users().forEach(members::remove);
            default -> {
            }
        }
    }

    private static RawInteraction interaction(String contact, Event e, String direction, Conversation c) {
        return new RawInteraction(PersonRef.ofAccount(contact), e.at(), "message", direction, c.id(), c.group(),
                e.words(), e.chars(), null);
    }

    /** The other id of a one-to-one conversation id {@code <idA>-<idB>}, or null. */
    static String otherId(String conversationId, String one) {
        if (conversationId == null) {
            return null;
        }
        String[] ids = conversationId.split("-");
        if (ids.length != 2) {
            return null;
        }
        return ids[0].equals(one) ? ids[1] : ids[1].equals(one) ? ids[0] : null;
    }

    /** An id as a string (ids are strings in the archive; a number is tolerated); null when blank. */
    static String id(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
