package io.tiedepth.jobs.realdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Per-owner counts of a temporal network computed straight from its raw files, in plain Java, without any tiedepth
 * code: the independent check of the pipeline on real data. Definitions as in the README ("Definitions"), written
 * out again here: a node's ties are its friends (Copenhagen) or, with {@code derive_ties: contacts}, everyone it has
 * an event with; the window is the dataset's first to last event; a tie is active when its events per year over
 * [max(connected_at, window start) or its first event when connected_at is unknown, window end] (at least 30 days)
 * are at least 1; reciprocal with an event each way; sustained when also in 3 or more 30-day periods counted from
 * the Unix epoch. Self-pairs are not events.
 */
final class IndependentCounts {
    /** One node's counts. */
    record Counts(long ties, long interactions, long active, long reciprocal, long sustained) {
    }

    /** An event: seconds since the epoch, sender, recipient. */
    record Event(long at, String source, String target) {
    }

    private IndependentCounts() {
    }

    /** Reads {@code time source target ...} rows: CSV with a header line, or whitespace text (gzip'd or not). */
    static List<Event> events(Path file, boolean csv, int time, int source, int target) throws IOException {
        List<Event> out = new ArrayList<>();
        var in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = csv ? r.readLine() : null;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = csv ? line.split(",") : line.trim().split("\\s+");
                if (!f[source].equals(f[target])) {
                    out.add(new Event(Long.parseLong(f[time]), f[source], f[target]));
                }
            }
        }
        return out;
    }

    /** Undirected friendships {@code a,b} after a header line, self-pairs left out: node → friends. */
    static Map<String, Set<String>> friends(Path file) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (!line.isBlank() && !f[0].equals(f[1])) {
                out.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
                out.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[0]);
            }
        }
        return out;
    }

    /**
     * Counts per node of every node seen in an event or a friendship.
     *
     * @param friends declared ties; null to derive them from contacts (connected_at = first event)
     */
    static Map<String, Counts> count(List<Event> events, Map<String, Set<String>> friends) {
        long start = events.stream().mapToLong(Event::at).min().orElseThrow();
        long end = events.stream().mapToLong(Event::at).max().orElseThrow();
        Map<String, Map<String, List<long[]>>> byNode = new TreeMap<>();
        for (Event e : events) {
            byNode.computeIfAbsent(e.source(), k -> new HashMap<>()).computeIfAbsent(e.target(), k -> new ArrayList<>())
                    .add(new long[] {e.at(), 1});
            byNode.computeIfAbsent(e.target(), k -> new HashMap<>()).computeIfAbsent(e.source(), k -> new ArrayList<>())
                    .add(new long[] {e.at(), 0});
        }
        if (friends != null) {
            friends.keySet().forEach(n -> byNode.computeIfAbsent(n, k -> new HashMap<>()));
        }
        Map<String, Counts> out = new TreeMap<>();
        byNode.forEach((node, contacts) -> {
            Set<String> ties = friends == null ? contacts.keySet() : friends.getOrDefault(node, Set.of());
            long interactions = contacts.values().stream().mapToLong(List::size).sum();
            long active = 0;
            long reciprocal = 0;
            long sustained = 0;
            for (String c : ties) {
                List<long[]> ev = contacts.getOrDefault(c, List.of());
                if (ev.isEmpty()) {
                    continue;
                }
                long first = ev.stream().mapToLong(x -> x[0]).min().orElseThrow();
                long from = friends == null ? Math.max(first, start) : first;
                double days = Math.max(30.0, (end - from) / 86_400.0);
                active += ev.size() / (days / 365.25) >= 1.0 ? 1 : 0;
                boolean sent = ev.stream().anyMatch(x -> x[1] == 1);
                boolean in = ev.stream().anyMatch(x -> x[1] == 0);
                if (sent && in) {
                    reciprocal++;
                    long periods = ev.stream().mapToLong(x -> Math.floorDiv(x[0], 30L * 86_400L)).distinct().count();
                    sustained += periods >= 3 ? 1 : 0;
                }
            }
            out.put(node, new Counts(ties.size(), interactions, active, reciprocal, sustained));
        });
        return out;
    }
}
