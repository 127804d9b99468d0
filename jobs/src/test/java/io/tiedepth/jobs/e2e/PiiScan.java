package io.tiedepth.jobs.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Searches a warehouse (every value of every Parquet table, read back as JSON, and every other file: manifests,
 * reports) and the test log for the personal data of the inputs ({@link PersonalData}). Returns the leaks found.
 */
final class PiiScan {
    /** Words that legitimately appear in outputs (enum values, file names, reasons) and in sample names. */
    static final Set<String> VOCABULARY = Set.of("message", "messages", "connection", "connections",
            "linkedin", "facebook", "twitter", "network", "friend", "friends", "call", "calls", "comment", "reaction",
            "owner", "contact", "inbox", "endorsement", "recommendation", "mention", "reply", "unknown", "none",
            "sustained", "reciprocal", "invitations", "null", "true", "false", "test", "data", "export", "sample",
            "following", "follower", "account", "tweet", "tweets", "post", "posts", "thread", "group", "user",
            // LinkedIn's and Facebook's placeholders for people it does not name: not personal data
            "member", "linkedin member", "coach", "sponsored", "sponsor", "facebook user",
            // fixed words of the report page's own text that sample conversation titles also use
            "research", "report", "claims", "charts", "definitions");
    static final Path LOG = Path.of("target", "test-logs", "tests.log");

    private PiiScan() {
    }

    static Set<String> needles(Path inputs) throws IOException {
        Set<String> needles = PersonalData.in(inputs);
        needles.removeAll(VOCABULARY);
        return needles;
    }

    static List<String> leaks(SparkSession spark, Path warehouse, Set<String> needles) throws IOException {
        List<String> haystacks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".parquet") && !name.endsWith(".crc") && !name.equals("_SUCCESS")) {
                    haystacks.add(f + ": " + Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        for (String group : List.of("tables", "features", "stats")) {
            Path dir = warehouse.resolve(group);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> tables = Files.list(dir)) {
                for (Path t : tables.toList()) {
                    spark.read().parquet(t.toString()).toJSON().collectAsList()
                            .forEach(json -> haystacks.add(t.getFileName() + ": " + json));
                }
            }
        }
        if (Files.exists(LOG)) {
            haystacks.add("log: " + Files.readString(LOG, StandardCharsets.UTF_8));
        }
        List<String> leaks = new ArrayList<>();
        for (String h : haystacks) {
            String lower = h.toLowerCase(Locale.ROOT);
            for (String n : needles) {
                int at = indexOfWord(lower, n);
                if (at >= 0) {
                    leaks.add("'" + n + "' in " + h.substring(0, Math.min(h.length(), 60)) + " … "
                            + h.substring(Math.max(0, at - 40), Math.min(h.length(), at + n.length() + 40)));
                }
            }
        }
        return leaks;
    }

    /** Where {@code word} occurs not inside a longer word ("hanne" is not found in "channel"), or -1. */
    static int indexOfWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + word.length();
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return at;
            }
        }
        return -1;
    }
}
