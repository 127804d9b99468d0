package io.tiedepth.ingest.network;

import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.Precision;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.RawTie;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted rows of a network dataset held compactly, then cut into one ego network per node ("ego
 * extraction", DESIGN §2 item 4).
 *
 * <p>Rows are added as they are read (each file once). Node ids stay strings and are interned once; a tie costs
 * two node numbers and a file index, an event a time, two node numbers, a duration and a file index. After
 * {@link #index()}, each node's ties and events are found through a compressed adjacency index (counting sort),
 * and {@link #ego(int)} builds one node's {@link ParsedExport} on demand:
 * <ul>
 *   <li>owner: the node; ties: an undirected row gives a tie on both sides (A→B for A, B→A for B), a directed
 *       row only on the source's side; each with the file's {@code tie_source}, no {@code connected_at},
 *       {@code invited_by} unknown;</li>
 *   <li>interactions: every event is {@code out} for its source (contact = target) and {@code in} for its
 *       target (contact = source), channel from its file, {@code duration_s} when known;</li>
 *   <li>derived ties ({@link NetworkDescriptor.DeriveTies}, when the descriptor asks for them): one per contact
 *       whose events with the node pass the rule, {@code connected_at} = the first of them;</li>
 *   <li>window: with {@link NetworkDescriptor.Window#DATASET} every node's declared window is the dataset's first
 *       to last event; relative time and the derivation rule are recorded on every node's export.</li>
 * </ul>
 *
 * <p>Memory, in the compact phase: about 9 bytes per accepted tie row and 21 per accepted event row, plus about
 * 120 bytes per distinct node (its id and its map entry); the index adds 4 bytes per tie side and 8 per event.
 * So a SNAP file of 10 million events holds in about 300 MB. Self-pairs are never added (the reader rejects
 * them), so a row's other end is always the contact.
 */
final class EgoNetwork {
    /** A duration that is not known (no duration column, or a missed call). */
    static final int NO_DURATION = -1;

    private final String platform;
    private final String formatEra;
    private final String namespace;
    private final List<NetworkDescriptor.TieFile> tieFiles;
    private final List<NetworkDescriptor.EventFile> eventFiles;
    private final NetworkDescriptor.DeriveTies deriveTies;
    private final boolean relativeTime;
    private final boolean datasetWindow;
    private long firstEvent = Long.MAX_VALUE;
    private long lastEvent = Long.MIN_VALUE;

    private final Map<String, Integer> nodeNumbers = new HashMap<>();
    private String[] nodeIds = new String[1024];
    private int nodes;

    private final IntList tieSource = new IntList();
    private final IntList tieTarget = new IntList();
    private final ByteList tieFile = new ByteList();

    private final LongList eventAt = new LongList();
    private final IntList eventSource = new IntList();
    private final IntList eventTarget = new IntList();
    private final IntList eventDuration = new IntList();
    private final ByteList eventFile = new ByteList();

    private int[] order;
    private int[] tieStart;
    private int[] tieRows;
    private int[] eventStart;
    private int[] eventRows;
    private PersonRef[] refs;

    /**
     * @param namespace prefix of every node's account id ({@code <namespace>/<node id>}), so that node 269 of one
     *                  dataset and node 269 of another are different people
     */
    EgoNetwork(String platform, String formatEra, String namespace, List<NetworkDescriptor.TieFile> tieFiles,
               List<NetworkDescriptor.EventFile> eventFiles) {
        this(platform, new NetworkDescriptor(namespace, formatEra, tieFiles, eventFiles));
    }

    /** The ego networks of a dataset described by {@code d} (its name is the namespace). */
    EgoNetwork(String platform, NetworkDescriptor d) {
        this.platform = platform;
        this.formatEra = d.formatEra();
        this.namespace = d.name();
        this.tieFiles = d.ties();
        this.eventFiles = d.events();
        this.deriveTies = d.deriveTies();
        this.relativeTime = d.relativeTime();
        this.datasetWindow = d.window() == NetworkDescriptor.Window.DATASET;
    }

    /** Adds a link read from {@code tieFiles[file]}; source and target differ. */
    void addTie(int file, String source, String target) {
        tieSource.add(node(source));
        tieTarget.add(node(target));
        tieFile.add((byte) file);
    }

    /** Adds an event read from {@code eventFiles[file]}; source and target differ. */
    void addEvent(int file, long atEpochMillis, String source, String target, int durationS) {
        eventAt.add(atEpochMillis);
        firstEvent = Math.min(firstEvent, atEpochMillis);
        lastEvent = Math.max(lastEvent, atEpochMillis);
        eventSource.add(node(source));
        eventTarget.add(node(target));
        eventDuration.add(durationS);
        eventFile.add((byte) file);
    }

    /** Number of distinct nodes seen in accepted rows. */
    int nodes() {
        return nodes;
    }

    /** Builds the per-node index; call once, after the last row. */
    void index() {
        order = new int[nodes];
        Integer[] boxed = new Integer[nodes];
        for (int i = 0; i < nodes; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparing((Integer i) -> nodeIds[i], EgoNetwork::compareIds));
        for (int i = 0; i < nodes; i++) {
            order[i] = boxed[i];
        }
        int[] tieCount = new int[nodes + 1];
        for (int t = 0; t < tieSource.size; t++) {
            tieCount[tieSource.get(t)]++;
            if (!tieFiles.get(tieFile.get(t)).directed()) {
                tieCount[tieTarget.get(t)]++;
            }
        }
        tieStart = prefixSums(tieCount);
        tieRows = new int[tieStart[nodes]];
        int[] fill = Arrays.copyOf(tieStart, nodes);
        for (int t = 0; t < tieSource.size; t++) {
            tieRows[fill[tieSource.get(t)]++] = t;
            if (!tieFiles.get(tieFile.get(t)).directed()) {
                tieRows[fill[tieTarget.get(t)]++] = t;
            }
        }
        int[] eventCount = new int[nodes + 1];
        for (int e = 0; e < eventAt.size; e++) {
            eventCount[eventSource.get(e)]++;
            eventCount[eventTarget.get(e)]++;
        }
        eventStart = prefixSums(eventCount);
        eventRows = new int[eventStart[nodes]];
        fill = Arrays.copyOf(eventStart, nodes);
        for (int e = 0; e < eventAt.size; e++) {
            eventRows[fill[eventSource.get(e)]++] = e;
            eventRows[fill[eventTarget.get(e)]++] = e;
        }
        refs = new PersonRef[nodes];
    }

    /** Node id of the {@code rank}-th node in id order (numeric ids numerically, then the others as text). */
    String nodeId(int rank) {
        return nodeIds[order[rank]];
    }

    /** The ego network of the {@code rank}-th node in id order, as a fresh {@link ParsedExport}. */
    ParsedExport ego(int rank) {
        int n = order[rank];
        ParsedExport p = new ParsedExport(platform);
        p.formatEra(formatEra);
        p.part(nodeIds[n]);
        p.owner(ref(n));
        p.relativeTime(relativeTime);
        if (datasetWindow && firstEvent <= lastEvent) {
            p.window(Instant.ofEpochMilli(firstEvent), Instant.ofEpochMilli(lastEvent));
        }
        for (int i = tieStart[n]; i < tieStart[n + 1]; i++) {
            int t = tieRows[i];
            int contact = tieSource.get(t) == n ? tieTarget.get(t) : tieSource.get(t);
            p.ties().add(new RawTie(ref(contact), null, null, tieFiles.get(tieFile.get(t)).tieSource(), "unknown",
                    null, false));
        }
        for (int i = eventStart[n]; i < eventStart[n + 1]; i++) {
            int e = eventRows[i];
            boolean out = eventSource.get(e) == n;
            int contact = out ? eventTarget.get(e) : eventSource.get(e);
            int d = eventDuration.get(e);
            p.interactions().add(new RawInteraction(ref(contact), Instant.ofEpochMilli(eventAt.get(e)),
                    eventFiles.get(eventFile.get(e)).channel(), out ? "out" : "in", null, false, null, null,
                    d == NO_DURATION ? null : d));
        }
        if (deriveTies != null) {
            p.derivedTies(deriveTies.label());
            deriveTies(n, p);
        }
        return p;
    }

    /** Adds one derived tie per contact whose events with node {@code n} pass the rule (contacts in file order). */
    private void deriveTies(int n, ParsedExport p) {
        Map<Integer, ContactEvents> perContact = new java.util.LinkedHashMap<>();
        for (int i = eventStart[n]; i < eventStart[n + 1]; i++) {
            int e = eventRows[i];
            boolean out = eventSource.get(e) == n;
            perContact.computeIfAbsent(out ? eventTarget.get(e) : eventSource.get(e), k -> new ContactEvents())
                    .add(out, eventAt.get(e));
        }
        perContact.forEach((contact, c) -> {
            if (deriveTies.admits(c.out, c.in)) {
                p.ties().add(new RawTie(ref(contact), Instant.ofEpochMilli(c.first), Precision.second,
                        NetworkDescriptor.DeriveTies.TIE_SOURCE, "unknown", null, false));
            }
        });
    }

    /** A node's events with one contact: how many each way, and the first one's time. */
    private static final class ContactEvents {
        private int out;
        private int in;
        private long first = Long.MAX_VALUE;

        void add(boolean outbound, long at) {
            if (outbound) {
                out = out == Integer.MAX_VALUE ? out : out + 1;
            } else {
                in = in == Integer.MAX_VALUE ? in : in + 1;
            }
            first = Math.min(first, at);
        }
    }

    private PersonRef ref(int n) {
        PersonRef r = refs[n];
        if (r == null) {
            r = PersonRef.ofAccount(namespace + "/" + nodeIds[n]);
            refs[n] = r;
        }
        return r;
    }

    private int node(String id) {
        Integer n = nodeNumbers.get(id);
        if (n == null) {
            n = nodes;
            nodeNumbers.put(id, n);
            if (nodes == nodeIds.length) {
                nodeIds = Arrays.copyOf(nodeIds, nodes * 2);
            }
            nodeIds[nodes++] = id;
        }
        return n;
    }

    private static int[] prefixSums(int[] counts) {
        int[] start = new int[counts.length];
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            start[i] = sum;
            sum = Math.addExact(sum, counts[i]);
        }
        return start;
    }

    /** All-digit ids first, in numeric order (no parsing: by length without leading zeros), then the rest. */
    static int compareIds(String a, String b) {
        boolean da = allDigits(a);
        boolean db = allDigits(b);
        if (da != db) {
            return da ? -1 : 1;
        }
        if (da) {
            String sa = stripZeros(a);
            String sb = stripZeros(b);
            int c = sa.length() != sb.length() ? Integer.compare(sa.length(), sb.length()) : sa.compareTo(sb);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    private static final class IntList {
        private int[] a = new int[1024];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, grow(size));
            }
            a[size++] = v;
        }

        int get(int i) {
            return a[i];
        }
    }

    private static final class LongList {
        private long[] a = new long[1024];
        private int size;

        void add(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, grow(size));
            }
            a[size++] = v;
        }

        long get(int i) {
            return a[i];
        }
    }

    private static final class ByteList {
        private byte[] a = new byte[1024];
        private int size;

        void add(byte v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, grow(size));
            }
            a[size++] = v;
        }

        byte get(int i) {
            return a[i];
        }
    }

    private static int grow(int size) {
        if (size >= Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("Cannot hold more than " + size + " rows of one network dataset");
        }
        return (int) Math.min(Integer.MAX_VALUE - 16L, size + (size >> 1) + 16L);
    }
}
