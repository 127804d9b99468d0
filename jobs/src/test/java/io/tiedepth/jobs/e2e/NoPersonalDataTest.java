package io.tiedepth.jobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.jobs.SparkTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * No name, URL, e-mail or message text of any sample input reaches any output: every value of every Parquet
 * table (read back as JSON), every other file of the warehouse (manifests, reports) and the log of the test run.
 */
public class NoPersonalDataTest extends SparkTestBase {
    /** Words that legitimately appear in outputs (enum values, file names, reasons) and in sample names. */
    private static final Set<String> VOCABULARY = Set.of("message", "messages", "connection", "connections",
            "linkedin", "facebook", "twitter", "network", "friend", "friends", "call", "calls", "comment", "reaction",
            "owner", "contact", "inbox", "endorsement", "recommendation", "mention", "reply", "unknown", "none",
            "sustained", "reciprocal", "invitations", "null", "true", "false", "test", "data", "export", "sample",
            "following", "follower", "account", "tweet", "tweets", "post", "posts", "thread", "group", "user",
            // LinkedIn's and Facebook's placeholders for people it does not name: not personal data
            "member", "linkedin member", "coach", "sponsored", "sponsor", "facebook user");

    @Test
    public void noPersonalDataInTablesFilesOrLogs() throws Exception {
        Path warehouse = SampleRun.warehouse(spark());
        Set<String> needles = PersonalData.in(SampleRun.SAMPLES);
        needles.removeAll(VOCABULARY);
        assertThat(needles).as("personal data found in the samples").hasSizeGreaterThan(20);

        List<String> haystacks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".parquet") && !name.endsWith(".crc") && !name.equals("_SUCCESS")) {
                    haystacks.add(f + ": " + Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        try (Stream<Path> tables = Files.list(warehouse.resolve("tables"));
             Stream<Path> features = Files.list(warehouse.resolve("features"))) {
            for (Path t : Stream.concat(tables, features).toList()) {
                spark().read().parquet(t.toString()).toJSON().collectAsList()
                        .forEach(json -> haystacks.add(t.getFileName() + ": " + json));
            }
        }
        Path log = Path.of("target", "test-logs", "tests.log");
        assertThat(log).exists();
        haystacks.add("log: " + Files.readString(log, StandardCharsets.UTF_8));

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
        assertThat(leaks).as("personal data in outputs").isEmpty();
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
