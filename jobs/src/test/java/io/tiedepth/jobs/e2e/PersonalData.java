package io.tiedepth.jobs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.tiedepth.pseudo.Mojibake;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Every piece of personal data in the sample inputs, found independently of the readers: the values of the
 * person and text columns of every CSV, and of the person and text keys of every JSON / X {@code .js} file, in
 * folders and inside .zip archives. Names also yield their single words (≥ 4 letters) and URLs their last path
 * segment, in raw and mojibake-repaired form, so a partial leak is found too.
 */
final class PersonalData {
    private static final Set<String> NAME_FIELDS = Set.of("first name", "last name", "from", "to",
            "endorser first name", "endorser last name", "endorsee first name", "endorsee last name", "name",
            "sender_name", "actor", "author", "participants", "screen_name", "username", "accountdisplayname",
            "sendername", "threadname", "conversation title");
    /** Free text whose capitalised words are names ("Ann Fake likes Bob Test's post."). */
    private static final Set<String> TITLE_FIELDS = Set.of("title");
    private static final Set<String> WHOLE_FIELDS = Set.of("url", "email address", "company", "position",
            "sender profile url", "recipient profile urls", "subject", "content", "message", "text", "job title",
            "inviterprofileurl", "inviteeprofileurl", "endorser public url", "endorsee public url", "full_text",
            "email", "comment", "share_text", "link", "uri", "thread_path", "userlink", "expandedurl", "fulltext",
            "skill name",
            // canonical tables from another tool: their given ids must never reach an output either
            "owner_id", "contact_id", "counterpart_id", "thread_id");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> needles = new TreeSet<>();

    static Set<String> in(Path root) throws IOException {
        PersonalData p = new PersonalData();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".zip")) {
                    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(f))) {
                        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                            p.read(e.getName().toLowerCase(Locale.ROOT), zip.readAllBytes());
                        }
                    }
                } else {
                    p.read(name, Files.readAllBytes(f));
                }
            }
        }
        return p.needles;
    }

    private void read(String name, byte[] bytes) throws IOException {
        if (name.endsWith(".csv")) {
            csv(bytes);
        } else if (name.endsWith(".json") || name.endsWith(".js")) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int eq = name.endsWith(".js") ? text.indexOf('=') : -1;
            try {
                json(JSON.readTree(text.substring(eq + 1)), null);
            } catch (IOException e) {
                // not JSON (e.g. a deliberately broken sample): nothing structured to collect
            }
        }
    }

    private void csv(byte[] bytes) throws IOException {
        CsvParserSettings s = new CsvParserSettings();
        s.setMaxCharsPerColumn(-1);
        s.setLineSeparatorDetectionEnabled(true);
        s.setDelimiterDetectionEnabled(true, ',', '\t');
        CsvParser parser = new CsvParser(s);
        try (InputStream in = new java.io.ByteArrayInputStream(bytes);
             Reader r = io.tiedepth.text.Charsets.reader(in)) {
            String[] header = null;
            for (String[] row : parser.iterate(r)) {
                if (header == null || isHeader(row)) {
                    if (isHeader(row)) {
                        header = row;
                    }
                    continue;
                }
                for (int i = 0; i < row.length && i < header.length; i++) {
                    if (header[i] != null && row[i] != null) {
                        add(header[i].strip().toLowerCase(Locale.ROOT), row[i]);
                    }
                }
            }
        }
    }

    private static boolean isHeader(String[] row) {
        for (String c : row) {
            if (c != null) {
                String l = c.strip().toLowerCase(Locale.ROOT);
                if (NAME_FIELDS.contains(l) || WHOLE_FIELDS.contains(l)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void json(JsonNode node, String key) {
        if (node.isTextual()) {
            if (key != null) {
                add(key.toLowerCase(Locale.ROOT), node.asText());
            }
        } else if (node.isArray()) {
            node.forEach(child -> json(child, key));
        } else if (node.isObject()) {
            if (node.has("label") && node.get("label").asText().equalsIgnoreCase("name") && node.has("value")
                    && node.get("value").isTextual()) {
                add("name", node.get("value").asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                json(e.getValue(), e.getKey());
            }
        }
    }

    private void add(String field, String value) {
        String v = value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("NA")) {
            return;
        }
        for (String form : new java.util.LinkedHashSet<>(java.util.List.of(v, Mojibake.repair(v)))) {
            if (NAME_FIELDS.contains(field)) {
                if (form.length() >= 4) {
                    needles.add(form.toLowerCase(Locale.ROOT));
                }
                for (String word : form.split("[^\\p{L}\\p{N}'-]+")) {
                    if (word.length() >= 4) {
                        needles.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            } else if (TITLE_FIELDS.contains(field)) {
                for (String word : form.split("[^\\p{L}\\p{N}-]+")) {
                    if (word.length() >= 4 && Character.isUpperCase(word.codePointAt(0))) {
                        needles.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            } else if (WHOLE_FIELDS.contains(field) && form.length() >= 8) {
                needles.add(form.toLowerCase(Locale.ROOT));
                int slash = form.replaceAll("/+$", "").lastIndexOf('/');
                if (form.contains("/") && slash >= 0 && form.length() - slash > 6) {
                    needles.add(form.replaceAll("/+$", "").substring(slash + 1).toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}
