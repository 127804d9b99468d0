package io.tiedepth.generate;

import io.tiedepth.generate.Names.Person;
import io.tiedepth.generate.SynthOwner.Contact;
import io.tiedepth.generate.SynthOwner.Conversation;
import io.tiedepth.generate.SynthOwner.Endorsement;
import io.tiedepth.generate.SynthOwner.Invitation;
import io.tiedepth.generate.SynthOwner.Message;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
 * LinkedIn "Get a copy of your data" in the header eras of reference/export-formats.md §1:
 * <table>
 *   <caption>Files per era</caption>
 *   <tr><th>era</th><th>Connections.csv</th><th>messages</th><th>Invitations.csv</th><th>endorsements</th></tr>
 *   <tr><td>2023</td><td>{@code Notes:} preamble, {@code URL} column, {@code 16 Dec 2024}</td>
 *       <td>{@code messages.csv} with {@code RECIPIENT PROFILE URLS} and draft flags,
 *       {@code 2024-06-18 11:59:53 UTC}</td><td>{@code inviterProfileUrl,inviteeProfileUrl}</td><td>with URL</td></tr>
 *   <tr><td>2022</td><td>preamble, no URL</td><td>{@code CONVERSATION ID,...,SENDER PROFILE URL,TO,DATE,...}</td>
 *       <td>{@code From,To,Sent At,Message,Direction}</td><td>with URL</td></tr>
 *   <tr><td>2021</td><td>no preamble, no URL, CRLF</td><td>as 2022</td><td>as 2022</td><td>no URL column</td></tr>
 *   <tr><td>2018</td><td>no preamble, {@code 1/8/18, 6:14 PM}</td>
 *       <td>{@code Messages.csv}: {@code From,To,Date,Subject,Content,Direction,Folder}</td><td>as 2022</td>
 *       <td>none</td></tr>
 * </table>
 * Rows are newest first; {@code Sent At} is {@code M/d/yy, h:mm a}; UTF-8 without BOM; fields are quoted only when
 * they hold a comma, quote or line break. Texts (messages, notes) are drawn from the seed at write time with the
 * word counts the model chose.
 */
public final class LinkedInExportWriter implements ExportWriter {
    public static final String CONNECTIONS = "Connections.csv";
    public static final String MESSAGES = "messages.csv";
    public static final String MESSAGES_2018 = "Messages.csv";
    public static final String INVITATIONS = "Invitations.csv";
    public static final String ENDORSEMENTS_RECEIVED = "Endorsement_Received_Info.csv";
    public static final String ENDORSEMENTS_GIVEN = "Endorsement_Given_Info.csv";

    static final String NOTES = "Notes:\n\"When exporting your connection data, you may notice that some of the email "
            + "addresses are missing. You will only see email addresses for connections who have allowed their "
            + "connections to see or download their email address using this setting "
            + "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
            + "https://www.linkedin.com/help/linkedin/answer/261\"\n\n";
    private static final DateTimeFormatter CONNECTED_ON = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter US_MINUTE = DateTimeFormatter.ofPattern("M/d/yy, h:mm a", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MESSAGE_DATE = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ENDORSEMENT_DATE = DateTimeFormatter
            .ofPattern("yyyy/MM/dd HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final long TEXT_STREAM = 1L << 44;
    private static final long NOTE_STREAM = 1L << 45;

    @Override
    public String platform() {
        return "linkedin";
    }

    @Override
    public Map<String, Long> write(SynthOwner o, ExportSink sink) throws IOException {
        Map<String, Long> rows = new TreeMap<>();
        String lineEnd = o.era().equals("2021") ? "\r\n" : "\n";
        rows.put(CONNECTIONS, connections(o, sink, lineEnd));
        rows.put(o.era().equals("2018") ? MESSAGES_2018 : MESSAGES, messages(o, sink, lineEnd));
        rows.put(INVITATIONS, invitations(o, sink, lineEnd));
        if (!o.era().equals("2018")) {
            for (boolean received : new boolean[] {true, false}) {
                long n = endorsements(o, sink, lineEnd, received);
                if (n > 0) {
                    rows.put(received ? ENDORSEMENTS_RECEIVED : ENDORSEMENTS_GIVEN, n);
                }
            }
        }
        return rows;
    }

    private static long connections(SynthOwner o, ExportSink sink, String lineEnd) throws IOException {
        boolean url = o.era().equals("2023");
        boolean withTime = o.era().equals("2018");
        record Row(Instant at, Person person) {
        }
        List<Row> rows = new ArrayList<>(o.nTies() + o.hiddenRows().size());
        for (int i = 0; i < o.nTies(); i++) {
            Contact c = o.contacts().get(i);
            rows.add(new Row(c.connectedAt(), c.person()));
        }
        o.hiddenRows().forEach(at -> rows.add(new Row(at, null)));
        rows.sort(Comparator.comparing(Row::at).reversed());
        try (Csv csv = new Csv(sink, CONNECTIONS, lineEnd)) {
            if (o.era().equals("2023") || o.era().equals("2022")) {
                csv.raw(NOTES);
            }
            csv.header(url ? List.of("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                    "Connected On") : List.of("First Name", "Last Name", "Email Address", "Company", "Position",
                    "Connected On"));
            for (Row r : rows) {
                Person p = r.person();
                String date = (withTime ? US_MINUTE : CONNECTED_ON).format(r.at());
                List<String> cells = new ArrayList<>(7);
                cells.add(p == null ? "" : p.first());
                cells.add(p == null ? "" : p.last());
                if (url) {
                    cells.add(p == null ? "" : p.url());
                }
                cells.add(p == null || p.email() == null ? "" : p.email());
                cells.add(p == null ? "" : p.company());
                cells.add(p == null ? "" : p.position());
                cells.add(date);
                csv.row(cells);
            }
            return csv.rows();
        }
    }

    private static long messages(SynthOwner o, ExportSink sink, String lineEnd) throws IOException {
        String era = o.era();
        boolean direction = era.equals("2018");
        boolean recipientUrls = era.equals("2023");
        List<Integer> order = new ArrayList<>(o.messages().size());
        for (int i = 0; i < o.messages().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> o.messages().get(i).at()).reversed()
                .thenComparing(Comparator.reverseOrder()));
        try (Csv csv = new Csv(sink, direction ? MESSAGES_2018 : MESSAGES, lineEnd)) {
            if (direction) {
                csv.header(List.of("From", "To", "Date", "Subject", "Content", "Direction", "Folder"));
            } else if (recipientUrls) {
                csv.header(List.of("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                        "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "IS MESSAGE DRAFT",
                        "IS CONVERSATION DRAFT"));
            } else {
                csv.header(List.of("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "DATE",
                        "SUBJECT", "CONTENT", "FOLDER"));
            }
            for (int i : order) {
                Message m = o.messages().get(i);
                Conversation c = o.conversations().get(m.conversation());
                Person sender = person(o, m.sender());
                List<Person> to = new ArrayList<>();
                if (m.sender() != SynthOwner.OWNER) {
                    to.add(o.owner());
                }
                for (int member : c.members()) {
                    if (member != m.sender()) {
                        to.add(o.contacts().get(member).person());
                    }
                }
                String content = Names.text(Rand.of(o.seed(), o.index(), TEXT_STREAM + i), m.words(),
                        m.multiline() ? 1.0 : 0.0);
                String names = String.join(", ", to.stream().map(Person::fullName).toList());
                if (direction) {
                    csv.row(List.of(sender.fullName(), names, US_MINUTE.format(m.at()), "", content,
                            m.sender() == SynthOwner.OWNER ? "OUTGOING" : "INCOMING", "INBOX"));
                    continue;
                }
                List<String> cells = new ArrayList<>(12);
                cells.add(c.id());
                cells.add(c.title());
                cells.add(sender.fullName());
                cells.add(sender.url());
                cells.add(names);
                if (recipientUrls) {
                    cells.add(String.join(",", to.stream().map(Person::url).toList()));
                }
                cells.add(MESSAGE_DATE.format(m.at()));
                cells.add("");
                cells.add(content);
                cells.add("INBOX");
                if (recipientUrls) {
                    cells.add("No");
                    cells.add("No");
                }
                csv.row(cells);
            }
            return csv.rows();
        }
    }

    private static long invitations(SynthOwner o, ExportSink sink, String lineEnd) throws IOException {
        boolean urls = o.era().equals("2023");
        List<Invitation> list = new ArrayList<>(o.invitations());
        try (Csv csv = new Csv(sink, INVITATIONS, lineEnd)) {
            csv.header(urls ? List.of("From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
                    "inviteeProfileUrl") : List.of("From", "To", "Sent At", "Message", "Direction"));
            for (int i = list.size() - 1; i >= 0; i--) {
                Invitation inv = list.get(i);
                Person other = o.contacts().get(inv.contact()).person();
                Person from = inv.outgoing() ? o.owner() : other;
                Person to = inv.outgoing() ? other : o.owner();
                String note = inv.noteWords() == 0 ? ""
                        : Names.text(Rand.of(o.seed(), o.index(), NOTE_STREAM + i), inv.noteWords(), 0);
                List<String> cells = new ArrayList<>(List.of(from.fullName(), to.fullName(),
                        US_MINUTE.format(inv.sentAt()), note, inv.outgoing() ? "OUTGOING" : "INCOMING"));
                if (urls) {
                    cells.add(from.url());
                    cells.add(to.url());
                }
                csv.row(cells);
            }
            return csv.rows();
        }
    }

    private static long endorsements(SynthOwner o, ExportSink sink, String lineEnd, boolean received)
            throws IOException {
        List<Endorsement> mine = o.endorsements().stream().filter(e -> e.received() == received).toList();
        if (mine.isEmpty()) {
            return 0;
        }
        boolean url = !o.era().equals("2021");
        String who = received ? "Endorser" : "Endorsee";
        try (Csv csv = new Csv(sink, received ? ENDORSEMENTS_RECEIVED : ENDORSEMENTS_GIVEN, lineEnd)) {
            csv.header(url ? List.of("Endorsement Date", "Skill Name", who + " First Name", who + " Last Name",
                    who + " Public Url", "Endorsement Status")
                    : List.of("Endorsement Date", "Skill Name", who + " First Name", who + " Last Name",
                    "Endorsement Status"));
            for (int i = mine.size() - 1; i >= 0; i--) {
                Endorsement e = mine.get(i);
                Person p = o.contacts().get(e.contact()).person();
                List<String> cells = new ArrayList<>(List.of(ENDORSEMENT_DATE.format(e.at()), e.skill(), p.first(),
                        p.last()));
                if (url) {
                    cells.add(p.bareUrl());
                }
                cells.add("ACCEPTED");
                csv.row(cells);
            }
            return csv.rows();
        }
    }

    private static Person person(SynthOwner o, int index) {
        return index == SynthOwner.OWNER ? o.owner() : o.contacts().get(index).person();
    }

    /** A CSV member being written: RFC 4180 quoting, the era's line ending, data rows counted. */
    static final class Csv implements AutoCloseable {
        private final Writer out;
        private final String lineEnd;
        private long rows;

        Csv(ExportSink sink, String path, String lineEnd) throws IOException {
            this.out = new BufferedWriter(new OutputStreamWriter(sink.open(path), StandardCharsets.UTF_8), 1 << 16);
            this.lineEnd = lineEnd;
        }

        void raw(String text) throws IOException {
            out.write(lineEnd.equals("\n") ? text : text.replace("\n", lineEnd));
        }

        void header(List<String> cells) throws IOException {
            line(cells);
        }

        void row(List<String> cells) throws IOException {
            line(cells);
            rows++;
        }

        long rows() {
            return rows;
        }

        private void line(List<String> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(cells.get(i)));
            }
            out.write(lineEnd);
        }

        static String quote(String s) {
            if (s == null) {
                return "";
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                    return '"' + s.replace("\"", "\"\"") + '"';
                }
            }
            return s;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
