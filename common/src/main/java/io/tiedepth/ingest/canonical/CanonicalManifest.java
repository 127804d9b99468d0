package io.tiedepth.ingest.canonical;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The marker of a canonical-tables export: {@value #FILE_NAME}, a small JSON object that declares the platforms of
 * the rows and names the table files. Its folder is the export's root: file paths are relative to it.
 *
 * <pre>{@code
 * {
 *   "version": 1,                                  // required: the format version, 1
 *   "platforms": ["linkedin", "facebook"],         // required: every platform a row may name
 *   "ties": "ties.csv",                            // ties and/or interactions: at least one
 *   "interactions": "interactions.parquet",
 *   "invitations": "invitations.csv",              // optional
 *   "producer": "other-tool 2.1"                   // optional: read, never written anywhere
 * }
 * }</pre>
 *
 * <p>Rules: unknown keys are errors (a typo never silently drops a table); a platform is a lower-case name
 * {@code [a-z][a-z0-9_]{0,31}}, listed once; a file is a relative {@code /}-separated path ending in {@code .csv}
 * or {@code .parquet} (which says how it is read), named once, or a folder of part files written
 * {@code <folder>/*.parquet} or {@code <folder>/*.csv} (a table as Spark writes it; see {@link #members}); the
 * manifest is at most {@value #MAX_BYTES} bytes.
 * Every error reads {@code Cannot read canonical manifest: <key> <problem> (tiedepth-canonical.json)}.
 */
public record CanonicalManifest(List<String> platforms, Map<CanonicalTable, String> files) {
    public static final String FILE_NAME = "tiedepth-canonical.json";
    public static final int VERSION = 1;
    public static final int MAX_BYTES = 64 * 1024;
    /** A folder of part files, as Spark writes a table: {@code <folder>/*.parquet} or {@code <folder>/*.csv}. */
    private static final Pattern PARTS = Pattern.compile("[^*]+/\\*\\.(?i:csv|parquet)");
    /** What a platform name looks like: it becomes part of every person key ({@code id:<platform>:<id>}). */
    public static final Pattern PLATFORM = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private static final Set<String> KEYS = Set.of("version", "platforms", "ties", "interactions", "invitations",
            "producer");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    public CanonicalManifest {
        platforms = List.copyOf(platforms);
        files = Map.copyOf(files);
    }

    /** The file (or {@code <folder>/*.<ext>} pattern) of {@code table}, or null when the manifest names none. */
    public String file(CanonicalTable table) {
        return files.get(table);
    }

    /**
     * The members of an export that {@code file} (a value of {@link #files()}) names, relative to the manifest's
     * folder {@code base}: the file itself when present, or for {@code <folder>/*.<ext>} every file directly in
     * that folder whose name ends with {@code .<ext>} (any case) and does not start with {@code .} or {@code _}
     * (Spark's {@code _SUCCESS} and {@code .crc} files), in path order. Empty when nothing matches.
     */
    public static List<String> members(List<String> paths, String base, String file) {
        if (!file.contains("*")) {
            return paths.contains(base + file) ? List.of(base + file) : List.of();
        }
        String folder = base + file.substring(0, file.lastIndexOf('/') + 1);
        String ext = file.substring(file.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            String name = p.substring(p.lastIndexOf('/') + 1);
            if (p.startsWith(folder) && p.indexOf('/', folder.length()) < 0 && !name.startsWith(".")
                    && !name.startsWith("_") && name.toLowerCase(Locale.ROOT).endsWith(ext)) {
                out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Parses and validates a manifest.
     *
     * @param path the manifest's path in the export, for messages
     * @throws ReadException (code {@code bad_manifest}) naming the first offending key
     */
    public static CanonicalManifest parse(InputStream in, String path) throws IOException, ReadException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ReadException("bad_manifest", "Cannot read canonical manifest: larger than " + MAX_BYTES
                    + " bytes", path, 0);
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at != null && at.getLineNr() > 0 ? at.getLineNr() : 0;
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a key is repeated" : "not valid JSON";
            throw new ReadException("bad_manifest", "Cannot read canonical manifest: " + what
                    + (line > 0 ? " at line " + line : ""), path, line);
        }
        if (root == null || !root.isObject()) {
            throw fail(path, "the manifest", "must be a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            String k = it.next().getKey();
            if (!KEYS.contains(k)) {
                throw fail(path, safeKey(k), "is not a known key (known: version, platforms, ties, interactions, "
                        + "invitations, producer)");
            }
        }
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            throw fail(path, "version", "is required (" + VERSION + ")");
        }
        if (!version.isIntegralNumber() || version.asInt() != VERSION) {
            throw fail(path, "version", "must be " + VERSION);
        }
        JsonNode producer = root.get("producer");
        if (producer != null && !producer.isNull() && !producer.isTextual()) {
            throw fail(path, "producer", "must be a string");
        }
        List<String> platforms = platforms(root.get("platforms"), path);
        Map<CanonicalTable, String> files = new EnumMap<>(CanonicalTable.class);
        for (CanonicalTable t : CanonicalTable.values()) {
            JsonNode f = root.get(t.key());
            if (f == null || f.isNull()) {
                continue;
            }
            String file = f.isTextual() ? f.asText().strip() : "";
            if (file.isEmpty() || file.startsWith("/") || file.contains("\\") || file.endsWith("/")
                    || Arrays.asList(file.split("/")).contains("..")) {
                throw fail(path, t.key(), "must be a relative '/'-separated path inside the export");
            }
            if (Format.of(file) == null) {
                throw fail(path, t.key(), "must name a .csv or a .parquet file");
            }
            if (file.contains("*") && !PARTS.matcher(file).matches()) {
                throw fail(path, t.key(), "may use '*' only as <folder>/*.parquet or <folder>/*.csv (every such "
                        + "file of the folder)");
            }
            if (files.containsValue(file)) {
                throw fail(path, t.key(), "names a file that is already named: each table needs its own file");
            }
            files.put(t, file);
        }
        if (!files.containsKey(CanonicalTable.TIES) && !files.containsKey(CanonicalTable.INTERACTIONS)) {
            throw fail(path, "ties and interactions", "are both absent: name at least one of them");
        }
        return new CanonicalManifest(platforms, files);
    }

    /** How a table file is read, from its extension. */
    public enum Format {
        CSV, PARQUET;

        static Format of(String file) {
            String f = file.toLowerCase(Locale.ROOT);
            return f.endsWith(".csv") ? CSV : f.endsWith(".parquet") ? PARQUET : null;
        }
    }

    private static List<String> platforms(JsonNode n, String path) throws ReadException {
        if (n == null || n.isNull()) {
            throw fail(path, "platforms", "is required: the list of platforms the rows name, e.g. [\"linkedin\"]");
        }
        if (!n.isArray() || n.isEmpty()) {
            throw fail(path, "platforms", "must be a non-empty list of platform names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode p : n) {
            if (!p.isTextual() || !PLATFORM.matcher(p.asText()).matches()) {
                throw fail(path, "platforms", "must hold lower-case names of 1 to 32 letters, digits or '_', "
                        + "starting with a letter");
            }
            if (out.contains(p.asText())) {
                throw fail(path, "platforms", "lists a platform twice");
            }
            out.add(p.asText());
        }
        return out;
    }

    private static ReadException fail(String path, String key, String problem) {
        return new ReadException("bad_manifest", "Cannot read canonical manifest: " + key + " " + problem, path, 0);
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
