package io.tiedepth.ingest.linkedin;

import io.tiedepth.ingest.linkedin.CsvRows.RowRejected;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.TimePoint;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.CsvTable;
import io.tiedepth.text.TextSize;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code messages.csv} in its three eras (reference/export-formats.md §1):
 * <ul>
 *   <li>2018 {@code Messages.csv}: {@code From,To,Date,Subject,Content,Direction,Folder};</li>
 *   <li>~2019-20: the same in upper case with ISO dates;</li>
 *   <li>2021+: {@code CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,[RECIPIENT PROFILE URLS,]DATE,
 *       SUBJECT,CONTENT,FOLDER[,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT]}.</li>
 * </ul>
 *
 * <p>Read in two steps, because who sent a message depends on who the owner is, which depends on all files:
 * {@link #read} turns rows into messages (or rejects), then {@link Log#emit} turns each message into interactions
 * (DESIGN §3): a message the owner sent is one {@code out} interaction per other recipient; a message the owner
 * received is one {@code in} interaction with its sender. Direction comes from {@code DIRECTION} when the file has
 * it, else from whether the sender is the owner.
 * <ul>
 *   <li><b>People</b>: the sender is {@code SENDER PROFILE URL} and {@code FROM}. Recipients are the
 *       comma-joined {@code RECIPIENT PROFILE URLS} when present (the {@code TO} names are then ignored: their
 *       order against the URLs is not documented); else the {@code ", "}-joined {@code TO} names, split best
 *       effort by {@link People#splitNames} (a name that holds {@code ", "} and is seen nowhere else in the
 *       export is split in two).</li>
 *   <li><b>Group</b>: the conversation has more than two people, counted over all its messages read (and the
 *       owner); with no conversation id, over the message's own sender and recipients.</li>
 *   <li><b>Size</b>: words and chars of {@code CONTENT} (see {@link TextSize}); the content is then dropped.
 *       {@code thread_id} comes from {@code CONVERSATION ID} (none before 2021).</li>
 *   <li><b>Drafts</b> ({@code IS MESSAGE DRAFT} or {@code IS CONVERSATION DRAFT} = Yes) were never sent: they
 *       are accepted rows that make no interaction, and a warning gives their number. They are not evidence of
 *       who the owner is, nor of who is in a conversation.</li>
 *   <li><b>Rejected</b>: no or unparseable {@code DATE}; a sender that cannot be keyed ({@code
 *       unidentified_person}: an empty {@code SENDER PROFILE URL}, which is "LinkedIn Member" or sponsored mail,
 *       or in the URL-less eras no name or "LinkedIn Member"); a message the owner sent with no identifiable
 *       recipient ({@code unidentified_person}); a message whose direction cannot be told because the file has
 *       no {@code DIRECTION} and the owner was not recognised ({@code unknown_owner}).</li>
 * </ul>
 */
final class MessagesFile {
    static final String FILE = "messages.csv";
    private static final String CONVERSATION_ID = "CONVERSATION ID";
    private static final String FROM = "FROM";
    private static final String SENDER_URL = "SENDER PROFILE URL";
    private static final String TO = "TO";
    private static final String RECIPIENT_URLS = "RECIPIENT PROFILE URLS";
    private static final String DATE = "DATE";
    private static final String CONTENT = "CONTENT";
    private static final String DIRECTION = "DIRECTION";
    private static final String MESSAGE_DRAFT = "IS MESSAGE DRAFT";
    private static final String CONVERSATION_DRAFT = "IS CONVERSATION DRAFT";
    private static final List<String> REQUIRED = List.of(FROM, TO, DATE);
    private static final String LINKEDIN_MEMBER = "LinkedIn Member";

    /** The header era of the file, for the export's era label. */
    enum Layout {
        /** No messages file, or one whose header was not found. */
        NONE,
        /** {@code From,To,Date,Subject,Content,Direction,Folder}. */
        DIRECTION_2018,
        /** {@code FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER}. */
        DIRECTION_2019,
        /** {@code CONVERSATION ID,...}. */
        CONVERSATIONS,
        /** Neither conversation ids nor a direction. */
        OTHER
    }

    /** One readable, sent message; {@code outgoing} is null when the file has no usable DIRECTION. */
    private record Message(String location, String conversationId, PersonRef sender, String toNames,
                           String recipientUrls, Boolean outgoing, Instant at, Integer words, Integer chars) {
        @Override
        public String toString() {
            return "Message[" + location + "]";
        }
    }

    private MessagesFile() {
    }

    /** Step one: reads the rows into messages; rows that cannot be messages are rejected now. */
    static Log read(ExportSource source, String file, ParsedExport out, People people) throws IOException {
        Log log = new Log(out, people);
        log.tally = CsvRows.scan(source, file, REQUIRED, out, log);
        return log;
    }

    /** The messages of one file, between reading and {@linkplain #emit emitting} them. */
    static final class Log implements CsvRows.Layout {
        private final ParsedExport out;
        private final People people;
        private final List<Message> messages = new ArrayList<>();
        private List<List<PersonRef>> recipients;
        private CsvRows.Tally tally;
        private Layout layout = Layout.NONE;
        private boolean senderUrls;
        private long drafts;

        private Log(ParsedExport out, People people) {
            this.out = out;
            this.people = people;
        }

        Layout layout() {
            return layout;
        }

        @Override
        public CsvRows.RowHandler rows(CsvTable table) {
            senderUrls = table.has(SENDER_URL);
            if (table.has(CONVERSATION_ID)) {
                layout = Layout.CONVERSATIONS;
            } else if (table.has(DIRECTION)) {
                layout = table.header().contains(FROM) ? Layout.DIRECTION_2019 : Layout.DIRECTION_2018;
            } else {
                layout = Layout.OTHER;
            }
            return this::take;
        }

        private void take(CsvTable.Record row) throws RowRejected {
            if (isYes(row.get(MESSAGE_DRAFT)) || isYes(row.get(CONVERSATION_DRAFT))) {
                drafts++;
                return;
            }
            TimePoint at = CsvRows.date(row, DATE);
            PersonRef sender = PersonRef.ofUrlAndName(row.get(SENDER_URL), row.get(FROM));
            if (senderUrls ? sender.url() == null
                    : sender.name() == null || sender.name().equalsIgnoreCase(LINKEDIN_MEMBER)) {
                throw new RowRejected("unidentified_person", senderUrls
                        ? "no profile URL for the sender (LinkedIn Member or sponsored message)"
                        : "the sender is not named (LinkedIn Member)");
            }
            people.see(sender);
            String direction = row.get(DIRECTION);
            Boolean outgoing = "OUTGOING".equalsIgnoreCase(direction) ? Boolean.TRUE
                    : "INCOMING".equalsIgnoreCase(direction) ? Boolean.FALSE : null;
            String content = row.get(CONTENT);
            boolean measured = row.raw(CONTENT) != null;
            messages.add(new Message(row.location(), row.get(CONVERSATION_ID), sender, row.get(TO),
                    row.get(RECIPIENT_URLS), outgoing, at.at(), measured ? TextSize.words(content) : null,
                    measured ? TextSize.chars(content) : null));
        }

        /** Senders of messages marked OUTGOING (owner-recognition evidence). */
        List<PersonRef> outgoingSenders() {
            List<PersonRef> s = new ArrayList<>();
            for (Message m : messages) {
                if (Boolean.TRUE.equals(m.outgoing())) {
                    s.add(m.sender());
                }
            }
            return s;
        }

        /** Senders and recipients of each conversation with an id (owner-recognition evidence). */
        List<List<PersonRef>> conversations() {
            return new ArrayList<>(byConversation().values());
        }

        /** Conversation id → everyone named as sender or recipient of its messages. */
        private Map<String, List<PersonRef>> byConversation() {
            Map<String, List<PersonRef>> byId = new LinkedHashMap<>();
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                if (m.conversationId() != null) {
                    List<PersonRef> p = byId.computeIfAbsent(m.conversationId(), k -> new ArrayList<>());
                    p.add(m.sender());
                    p.addAll(recipients().get(i));
                }
            }
            return byId;
        }

        /**
         * Step two, once the owner is known (or not): the interactions of every message, or a late reject. Then
         * the file's counts are recorded.
         */
        void emit(PersonRef owner) {
            String ownerKey = people.key(owner);
            Map<String, Set<String>> participants = new HashMap<>();
            byConversation().forEach((id, refs) -> participants.put(id, keys(refs, ownerKey)));
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                List<PersonRef> to = recipients().get(i);
                String senderKey = people.key(m.sender());
                Boolean outgoing = m.outgoing() != null ? m.outgoing()
                        : ownerKey != null ? Boolean.valueOf(ownerKey.equals(senderKey)) : null;
                if (outgoing == null) {
                    tally.rejectLater(m.location(), "unknown_owner", "cannot tell whether the owner sent or"
                            + " received the message: no DIRECTION column and the owner was not recognised");
                    continue;
                }
                boolean group = (m.conversationId() != null ? participants.get(m.conversationId())
                        : keys(withSender(m.sender(), to), ownerKey)).size() > 2;
                if (!outgoing) {
                    out.interactions().add(interaction(m, m.sender(), "in", group));
                    continue;
                }
                Map<String, PersonRef> others = new LinkedHashMap<>();
                for (PersonRef r : to) {
                    String k = people.key(r);
                    if (!k.equals(ownerKey) && !k.equals(senderKey)) {
                        others.putIfAbsent(k, r);
                    }
                }
                if (others.isEmpty()) {
                    tally.rejectLater(m.location(), "unidentified_person",
                            "no name or profile URL for any recipient of a message the owner sent");
                }
                others.values().forEach(r -> out.interactions().add(interaction(m, r, "out", group)));
            }
            tally.finish();
            if (drafts > 0) {
                out.warn(CsvRows.baseName(tally.file()) + ": " + drafts
                        + " draft message(s) not counted as interactions");
            }
        }

        private static RawInteraction interaction(Message m, PersonRef contact, String direction, boolean group) {
            return new RawInteraction(contact, m.at(), "message", direction, m.conversationId(), group, m.words(),
                    m.chars(), null);
        }

        /** The distinct people among {@code refs} and the owner (when known). */
        private Set<String> keys(List<PersonRef> refs, String ownerKey) {
            Set<String> k = new HashSet<>();
            refs.forEach(r -> k.add(people.key(r)));
            if (ownerKey != null) {
                k.add(ownerKey);
            }
            return k;
        }

        private static List<PersonRef> withSender(PersonRef sender, List<PersonRef> to) {
            List<PersonRef> all = new ArrayList<>(to.size() + 1);
            all.add(sender);
            all.addAll(to);
            return all;
        }

        /** The recipients of each message, resolved once every file has been read (names are then known). */
        private List<List<PersonRef>> recipients() {
            if (recipients == null) {
                recipients = new ArrayList<>(messages.size());
                for (Message m : messages) {
                    List<PersonRef> to = new ArrayList<>();
                    if (m.recipientUrls() != null) {
                        for (String url : m.recipientUrls().split(",")) {
                            if (!url.isBlank()) {
                                to.add(PersonRef.ofUrlAndName(url, null));
                            }
                        }
                    } else {
                        for (String name : people.splitNames(m.toNames())) {
                            if (!name.equalsIgnoreCase(LINKEDIN_MEMBER)) {
                                to.add(PersonRef.ofName(name));
                            }
                        }
                    }
                    recipients.add(to);
                }
            }
            return recipients;
        }
    }

    private static boolean isYes(String flag) {
        return flag != null && (flag.equalsIgnoreCase("Yes") || flag.equalsIgnoreCase("true"));
    }
}
