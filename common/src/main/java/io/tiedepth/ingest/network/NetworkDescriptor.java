package io.tiedepth.ingest.network;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tiedepth.schema.Columns;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The descriptor of a network dataset: {@value #FILE_NAME}, a JSON object that names the dataset's tie files and
 * event files and says how to read them. Its folder is the dataset's root: file paths are relative to it.
 *
 * <pre>{@code
 * {
 *   "name": "copenhagen-cns",                  // required: label and id namespace, [A-Za-z0-9._-]{1,64}
 *   "format_era": "cns-2019",                   // optional, default "network"
 *   "time_origin": "relative",                  // optional: "absolute" (default) or "relative" (times are offsets)
 *   "window": "dataset",                        // optional: "dataset" (default) or "node" (see Window)
 *   "derive_ties": "reciprocated",              // optional, only without "ties": "contacts", "reciprocated" or
 *                                               //   {"min_events": k} (see DeriveTies)
 *   "ties": [{
 *     "file": "fb_friends.csv",                  // required: relative path, '/'-separated; a name ending in
 *                                                //   .gz or .bz2 is decompressed while it is read
 *     "separator": ",",                          // required: ",", "\t" or "whitespace" (runs of spaces/tabs)
 *     "header": true,                            // optional, default false
 *     "comment_prefixes": ["#", "%"],            // optional, default ["#", "%"]; [] disables comments
 *     "columns": {"source": "user_a", "target": "user_b"},   // header names, or 0-based indexes
 *     "directed": false,                         // required
 *     "tie_source": "friend"                     // optional, default "network_link"
 *   }],
 *   "events": [{
 *     "file": "calls.csv", "separator": ",", "header": true,
 *     "channel": "call",                         // required: message|call|comment|reaction|...
 *     "columns": {"time": "timestamp", "source": "caller", "target": "callee", "duration": "duration"},
 *     "time_unit": "seconds",                    // optional: seconds (default) or milliseconds
 *     "epoch": "1970-01-01T00:00:00Z",           // optional: what time 0 is, ISO-8601 instant; default UNIX epoch
 *     "missed_value": -1                         // optional, needs columns.duration: this duration = missed call
 *   }]
 * }
 * }</pre>
 *
 * <p>Rules: unknown keys are errors (a typo never silently falls back to a default); {@code ties} and
 * {@code events} may each be absent or empty, not both; a file may be listed once only; column names need
 * {@code header: true}. With a header, the header is the first non-blank line of the file, with one leading
 * comment prefix removed (so {@code # user_a,user_b} is a header). Durations are whole seconds whatever
 * {@code time_unit} says. Every error reads
 * {@code Cannot read network descriptor: <key> <problem> (tiedepth-network.json)} and names the key, e.g.
 * {@code events[1].time_unit must be seconds or milliseconds}.
 */
public record NetworkDescriptor(String name, String formatEra, List<TieFile> ties, List<EventFile> events,
                                DeriveTies deriveTies, boolean relativeTime, Window window) {
    public static final String FILE_NAME = "tiedepth-network.json";
    public static final String DEFAULT_TIE_SOURCE = "network_link";
    public static final List<String> DEFAULT_COMMENT_PREFIXES = List.of("#", "%");
    public static final Instant DEFAULT_EPOCH = Instant.EPOCH;
    /** Values of {@code ties.tie_source} (DESIGN §3). */
    public static final List<String> TIE_SOURCES = List.of("connection", "friend", "follower", "following",
            "mutual_follow", "network_link");
    /** At most this many tie files and this many event files (each event keeps its file's index in a byte). */
    public static final int MAX_FILES = 100;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> TOP_KEYS = Set.of("name", "format_era", "ties", "events", "derive_ties",
            "time_origin", "window");
    private static final Set<String> TIE_KEYS = Set.of("file", "separator", "header", "comment_prefixes", "columns",
            "directed", "tie_source");
    private static final Set<String> EVENT_KEYS = Set.of("file", "separator", "header", "comment_prefixes",
            "columns", "channel", "time_unit", "epoch", "missed_value");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    public NetworkDescriptor {
        ties = List.copyOf(ties);
        events = List.copyOf(events);
    }

    /** A descriptor with declared ties only: absolute times, dataset window. */
    public NetworkDescriptor(String name, String formatEra, List<TieFile> ties, List<EventFile> events) {
        this(name, formatEra, ties, events, null, false, Window.DATASET);
    }

    /**
     * How each node's observation window (DESIGN §5: the span its contact frequencies are measured over) is set.
     * {@code DATASET} (the default): every node is observed from the dataset's first to its last event, since a
     * research dataset observes everyone over the same period, and a node that is silent for months was observed
     * being silent. {@code NODE}: from the node's own first to last event, as for a donated export (which is the
     * right choice when nodes join and leave the study at different times). On a short dataset the node window
     * makes every contact "active": CollegeMsg's 193 days give one interaction ≥ 1 per year.
     */
    public enum Window {
        DATASET, NODE
    }

    /**
     * Ties derived from the events, for datasets that declare no links (most SNAP/KONECT temporal networks). A
     * contact becomes a tie when the node and the contact have:
     * <ul>
     *   <li>{@code contacts}: at least one event, either direction;</li>
     *   <li>{@code reciprocated}: at least one event in each direction (Gonçalves, Perra &amp; Vespignani 2011,
     *       <i>PLoS ONE</i> 6(8):e22656, keep only reciprocated ties);</li>
     *   <li>{@code {"min_events": k}}: at least k events, either direction (Huberman, Romero &amp; Wu 2008,
     *       <i>First Monday</i> 14(1), call a "friend" someone a user sent at least 2 posts to; here both
     *       directions count).</li>
     * </ul>
     * The tie's {@code connected_at} is the first event with the contact (second precision), its
     * {@code tie_source} {@value #TIE_SOURCE}. Danger: ties and interactions are then related by construction
     * (every tie has interactions), so claims relating them are not testable (see the claims' data limits).
     *
     * @param rule      {@code contacts}, {@code reciprocated} or {@code min_events}
     * @param minEvents k for {@code min_events}, 1 for {@code contacts}, 2 for {@code reciprocated}
     */
    public record DeriveTies(String rule, int minEvents) {
        public static final String TIE_SOURCE = "derived";

        /** True when a contact with these events counts as a tie. */
        public boolean admits(int out, int in) {
            return switch (rule) {
                case "reciprocated" -> out > 0 && in > 0;
                default -> out + in >= minEvents;
            };
        }

        /** The rule as written in {@code exports.derived_ties}: contacts, reciprocated or min_events=k. */
        public String label() {
            return rule.equals("min_events") ? "min_events=" + minEvents : rule;
        }
    }

    /** How fields are separated on a line. */
    public enum Separator {
        COMMA(","), TAB("\t"), WHITESPACE("whitespace");

        private final String token;

        Separator(String token) {
            this.token = token;
        }

        /** The descriptor's spelling. */
        public String token() {
            return token;
        }

        static Separator of(String token) {
            for (Separator s : values()) {
                if (s.token.equals(token)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** Unit of the time column. */
    public enum TimeUnit {
        SECONDS(1000), MILLISECONDS(1);

        private final long millis;

        TimeUnit(long millis) {
            this.millis = millis;
        }

        /** Milliseconds in one unit. */
        public long millis() {
            return millis;
        }
    }

    /** A column by header name (then {@code index} is -1) or by 0-based index (then {@code name} is null). */
    public record Column(String name, int index) {
        public static Column named(String name) {
            return new Column(name, -1);
        }

        public static Column at(int index) {
            return new Column(null, index);
        }

        @Override
        public String toString() {
            return name != null ? name : Integer.toString(index);
        }
    }

    /** How a delimited text file is laid out. */
    public record Layout(String file, Separator separator, boolean header, List<String> commentPrefixes) {
        public Layout {
            commentPrefixes = List.copyOf(commentPrefixes);
        }
    }

    /** A file of links: each data row is one tie (both sides when undirected). */
    public record TieFile(Layout layout, Column source, Column target, boolean directed, String tieSource) {
        public String file() {
            return layout.file();
        }
    }

    /**
     * A file of timed events: each data row is one interaction seen from both sides.
     *
     * @param duration    null when the file has no duration column
     * @param missedValue a duration equal to it marks a missed (unanswered) call; null when not declared
     */
    public record EventFile(Layout layout, String channel, Column time, Column source, Column target,
                            Column duration, TimeUnit timeUnit, Instant epoch, Long missedValue) {
        public String file() {
            return layout.file();
        }
    }

    /**
     * Parses and validates a descriptor.
     *
     * @param path the descriptor's path in the dataset, for messages
     * @throws ReadException (code {@code bad_descriptor}) naming the first offending key
     */
    public static NetworkDescriptor parse(InputStream in, String path) throws IOException, ReadException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at != null && at.getLineNr() > 0 ? at.getLineNr() : 0;
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a key is repeated" : "not valid JSON";
            throw new ReadException("bad_descriptor", "Cannot read network descriptor: " + what
                    + (line > 0 ? " at line " + line : ""), path, line);
        }
        return new Validator(path).descriptor(root);
    }

    /** Checks one key at a time; the first problem wins. */
    private static final class Validator {
        private final String path;

        Validator(String path) {
            this.path = path;
        }

        NetworkDescriptor descriptor(JsonNode root) throws ReadException {
            if (root == null || !root.isObject()) {
                throw new ReadException("bad_descriptor", "Cannot read network descriptor: not a JSON object",
                        path, 0);
            }
            unknownKeys(root, TOP_KEYS, "");
            JsonNode nameNode = root.get("name");
            if (nameNode == null || nameNode.isNull()) {
                throw fail("name", "is required");
            }
            if (!nameNode.isTextual() || !NAME.matcher(nameNode.asText()).matches()) {
                throw fail("name", "must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            String era = "network";
            JsonNode eraNode = root.get("format_era");
            if (eraNode != null && !eraNode.isNull()) {
                if (!eraNode.isTextual() || !NAME.matcher(eraNode.asText()).matches()) {
                    throw fail("format_era", "must be 1 to 64 letters, digits, '.', '_' or '-'");
                }
                era = eraNode.asText();
            }
            List<TieFile> ties = new ArrayList<>();
            JsonNode tiesNode = list(root, "ties");
            for (int i = 0; i < tiesNode.size(); i++) {
                ties.add(tieFile(tiesNode.get(i), "ties[" + i + "]"));
            }
            List<EventFile> events = new ArrayList<>();
            JsonNode eventsNode = list(root, "events");
            for (int i = 0; i < eventsNode.size(); i++) {
                events.add(eventFile(eventsNode.get(i), "events[" + i + "]"));
            }
            if (ties.isEmpty() && events.isEmpty()) {
                throw fail("ties and events", "are both empty: list at least one file");
            }
            DeriveTies derive = deriveTies(root.get("derive_ties"));
            if (derive != null && !ties.isEmpty()) {
                throw fail("derive_ties", "cannot be combined with ties: declare links or derive them, not both");
            }
            if (derive != null && events.isEmpty()) {
                throw fail("derive_ties", "needs events to derive ties from");
            }
            boolean relative = choice(root, "time_origin", List.of("absolute", "relative"), "absolute")
                    .equals("relative");
            Window window = Window.valueOf(choice(root, "window", List.of("dataset", "node"), "dataset")
                    .toUpperCase(Locale.ROOT));
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < ties.size(); i++) {
                checkOnce(seen, ties.get(i).file(), "ties[" + i + "].file");
            }
            for (int i = 0; i < events.size(); i++) {
                checkOnce(seen, events.get(i).file(), "events[" + i + "].file");
            }
            return new NetworkDescriptor(nameNode.asText(), era, ties, events, derive, relative, window);
        }

        private DeriveTies deriveTies(JsonNode n) throws ReadException {
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isTextual() && n.asText().equals("contacts")) {
                return new DeriveTies("contacts", 1);
            }
            if (n.isTextual() && n.asText().equals("reciprocated")) {
                return new DeriveTies("reciprocated", 2);
            }
            if (n.isObject()) {
                unknownKeys(n, Set.of("min_events"), "derive_ties.");
                JsonNode k = n.get("min_events");
                if (k == null || !k.isIntegralNumber() || !k.canConvertToInt() || k.asInt() < 1) {
                    throw fail("derive_ties.min_events", "must be a whole number of at least 1");
                }
                return new DeriveTies("min_events", k.asInt());
            }
            throw fail("derive_ties", "must be \"contacts\", \"reciprocated\" or {\"min_events\": k}");
        }

        private String choice(JsonNode root, String key, List<String> allowed, String fallback)
                throws ReadException {
            JsonNode n = root.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isTextual() || !allowed.contains(n.asText())) {
                throw fail(key, "must be " + String.join(" or ", allowed));
            }
            return n.asText();
        }

        private void checkOnce(List<String> seen, String file, String key) throws ReadException {
            if (seen.contains(file)) {
                throw fail(key, "names a file that is already listed: each file may be listed once");
            }
            seen.add(file);
        }

        private JsonNode list(JsonNode root, String key) throws ReadException {
            JsonNode n = root.get(key);
            if (n == null || n.isNull()) {
                return JSON.createArrayNode();
            }
            if (!n.isArray()) {
                throw fail(key, "must be a list of objects");
            }
            if (n.size() > MAX_FILES) {
                throw fail(key, "must list at most " + MAX_FILES + " files");
            }
            return n;
        }

        private TieFile tieFile(JsonNode n, String at) throws ReadException {
            if (!n.isObject()) {
                throw fail(at, "must be an object");
            }
            unknownKeys(n, TIE_KEYS, at + ".");
            Layout layout = layout(n, at);
            JsonNode cols = columns(n, at, Set.of("source", "target"));
            Column source = column(cols, at + ".columns.source", layout.header(), true);
            Column target = column(cols, at + ".columns.target", layout.header(), true);
            JsonNode directed = n.get("directed");
            if (directed == null || directed.isNull()) {
                throw fail(at + ".directed", "is required (true or false)");
            }
            if (!directed.isBoolean()) {
                throw fail(at + ".directed", "must be true or false");
            }
            String tieSource = DEFAULT_TIE_SOURCE;
            JsonNode ts = n.get("tie_source");
            if (ts != null && !ts.isNull()) {
                if (!ts.isTextual() || !TIE_SOURCES.contains(ts.asText())) {
                    throw fail(at + ".tie_source", "must be one of " + String.join(", ", TIE_SOURCES));
                }
                tieSource = ts.asText();
            }
            return new TieFile(layout, source, target, directed.asBoolean(), tieSource);
        }

        private EventFile eventFile(JsonNode n, String at) throws ReadException {
            if (!n.isObject()) {
                throw fail(at, "must be an object");
            }
            unknownKeys(n, EVENT_KEYS, at + ".");
            Layout layout = layout(n, at);
            JsonNode ch = n.get("channel");
            if (ch == null || ch.isNull()) {
                throw fail(at + ".channel", "is required");
            }
            if (!ch.isTextual() || !Arrays.asList(Columns.CHANNELS).contains(ch.asText())) {
                throw fail(at + ".channel", "must be one of " + String.join(", ", Columns.CHANNELS));
            }
            JsonNode cols = columns(n, at, Set.of("time", "source", "target", "duration"));
            Column time = column(cols, at + ".columns.time", layout.header(), true);
            Column source = column(cols, at + ".columns.source", layout.header(), true);
            Column target = column(cols, at + ".columns.target", layout.header(), true);
            Column duration = column(cols, at + ".columns.duration", layout.header(), false);
            TimeUnit unit = TimeUnit.SECONDS;
            JsonNode u = n.get("time_unit");
            if (u != null && !u.isNull()) {
                if (!u.isTextual() || !(u.asText().equals("seconds") || u.asText().equals("milliseconds"))) {
                    throw fail(at + ".time_unit", "must be seconds or milliseconds");
                }
                unit = TimeUnit.valueOf(u.asText().toUpperCase(Locale.ROOT));
            }
            Instant epoch = DEFAULT_EPOCH;
            JsonNode e = n.get("epoch");
            if (e != null && !e.isNull()) {
                try {
                    if (!e.isTextual()) {
                        throw new DateTimeParseException("not text", "", 0);
                    }
                    epoch = Instant.parse(e.asText());
                } catch (DateTimeParseException ex) {
                    throw fail(at + ".epoch", "must be an ISO-8601 instant such as 1970-01-01T00:00:00Z");
                }
            }
            Long missed = null;
            JsonNode m = n.get("missed_value");
            if (m != null && !m.isNull()) {
                if (!m.isIntegralNumber() || !m.canConvertToLong()) {
                    throw fail(at + ".missed_value", "must be an integer");
                }
                if (duration == null) {
                    throw fail(at + ".missed_value", "needs columns.duration");
                }
                missed = m.asLong();
            }
            return new EventFile(layout, ch.asText(), time, source, target, duration, unit, epoch, missed);
        }

        private Layout layout(JsonNode n, String at) throws ReadException {
            JsonNode f = n.get("file");
            if (f == null || f.isNull()) {
                throw fail(at + ".file", "is required");
            }
            String file = f.isTextual() ? f.asText() : "";
            if (file.isBlank() || file.startsWith("/") || file.contains("\\") || file.endsWith("/")
                    || Arrays.asList(file.split("/")).contains("..")) {
                throw fail(at + ".file", "must be a relative '/'-separated path inside the dataset");
            }
            JsonNode s = n.get("separator");
            if (s == null || s.isNull()) {
                throw fail(at + ".separator", "is required (\",\", \"\\t\" or \"whitespace\")");
            }
            Separator sep = s.isTextual() ? Separator.of(s.asText()) : null;
            if (sep == null) {
                throw fail(at + ".separator", "must be \",\", \"\\t\" or \"whitespace\"");
            }
            boolean header = false;
            JsonNode h = n.get("header");
            if (h != null && !h.isNull()) {
                if (!h.isBoolean()) {
                    throw fail(at + ".header", "must be true or false");
                }
                header = h.asBoolean();
            }
            List<String> prefixes = DEFAULT_COMMENT_PREFIXES;
            JsonNode c = n.get("comment_prefixes");
            if (c != null && !c.isNull()) {
                if (!c.isArray()) {
                    throw fail(at + ".comment_prefixes", "must be a list of non-empty strings");
                }
                prefixes = new ArrayList<>();
                for (JsonNode p : c) {
                    if (!p.isTextual() || p.asText().isBlank()) {
                        throw fail(at + ".comment_prefixes", "must be a list of non-empty strings");
                    }
                    prefixes.add(p.asText().strip());
                }
            }
            return new Layout(file, sep, header, prefixes);
        }

        private JsonNode columns(JsonNode n, String at, Set<String> allowed) throws ReadException {
            JsonNode cols = n.get("columns");
            if (cols == null || cols.isNull()) {
                throw fail(at + ".columns", "is required");
            }
            if (!cols.isObject()) {
                throw fail(at + ".columns", "must be an object");
            }
            unknownKeys(cols, allowed, at + ".columns.");
            return cols;
        }

        private Column column(JsonNode cols, String key, boolean header, boolean required) throws ReadException {
            JsonNode c = cols.get(key.substring(key.lastIndexOf('.') + 1));
            if (c == null || c.isNull()) {
                if (required) {
                    throw fail(key, "is required");
                }
                return null;
            }
            if (c.isIntegralNumber() && c.canConvertToInt() && c.asInt() >= 0) {
                return Column.at(c.asInt());
            }
            if (c.isTextual() && !c.asText().isBlank()) {
                if (!header) {
                    throw fail(key, "must be a 0-based column index when header is false");
                }
                return Column.named(c.asText().strip());
            }
            throw fail(key, "must be a column name or a 0-based column index");
        }

        private void unknownKeys(JsonNode n, Set<String> allowed, String prefix) throws ReadException {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                String k = it.next().getKey();
                if (!allowed.contains(k)) {
                    throw fail(prefix + safeKey(k), "is not a known key");
                }
            }
        }

        private ReadException fail(String key, String problem) {
            return new ReadException("bad_descriptor", "Cannot read network descriptor: " + key + " " + problem,
                    path, 0);
        }
    }

    /** A key as written, cut to 40 characters and limited to printable ASCII, for an error message. */
    private static String safeKey(String k) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < k.length() && i < 40; i++) {
            char c = k.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
