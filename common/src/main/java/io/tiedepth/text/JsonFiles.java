package io.tiedepth.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Set;

/**
 * JSON files of the exports read as streams, one array element at a time, so a file is never held whole in
 * memory (only the element being handled is a tree).
 *
 * <p>Hostile input fails cleanly: the parser enforces explicit {@link StreamReadConstraints} (nesting depth
 * {@value #MAX_NESTING_DEPTH}, strings of {@value #MAX_STRING_CHARS} characters, numbers of
 * {@value #MAX_NUMBER_CHARS} digits), far above anything an export holds (a Messenger thread nests about 6
 * levels). Exceeding one throws a {@link JsonProcessingException} that {@link #describe(IOException)} turns into a
 * reason quoting no content.
 */
public final class JsonFiles {
    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_NESTING_DEPTH = 200;
    /** Longest string value accepted, in characters. */
    public static final int MAX_STRING_CHARS = 20_000_000;
    /** Longest number accepted, in characters. */
    public static final int MAX_NUMBER_CHARS = 100;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .build())
            .build());

    /** Receives one array element and its JSON path ({@code $.friends_v2[3]}). */
    @FunctionalInterface
    public interface ItemHandler {
        void item(JsonNode item, String path) throws IOException;
    }

    private JsonFiles() {
    }

    /** A parser over bytes (UTF-8, or UTF-16/32 detected by Jackson), with the limits above. */
    public static JsonParser parser(InputStream in) throws IOException {
        return MAPPER.getFactory().createParser(in);
    }

    /** A parser over characters, with the limits above. */
    public static JsonParser parser(Reader in) throws IOException {
        return MAPPER.getFactory().createParser(in);
    }

    /** Reads the value at the parser's current token as a tree (the token must already be current). */
    public static JsonNode tree(JsonParser p) throws IOException {
        JsonNode n = MAPPER.readTree(p);
        return n == null ? MAPPER.nullNode() : n;
    }

    /**
     * Streams the elements of the top-level array, or of every array held under one of {@code keys} at any
     * depth of objects (e.g. {@code friends_v2} in {@code {"friends_v2":[…]}}, {@code activity_log_data} in
     * {@code {"wall_posts_sent_to_you":{"activity_log_data":[…]}}}). Other values are skipped unread.
     *
     * @return how many arrays were streamed: 0 means the file holds none of the expected keys
     */
    public static int forEachItem(JsonParser p, Set<String> keys, ItemHandler handler) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
            streamArray(p, "$", handler);
            return 1;
        }
        if (t == JsonToken.START_OBJECT) {
            return walkObject(p, "$", keys, handler);
        }
        return 0;
    }

    /** Streams the elements of the array at the current {@code START_ARRAY} token. */
    public static int streamArray(JsonParser p, String path, ItemHandler handler) throws IOException {
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new IOException("Cannot read JSON: the file ends inside an array");
            }
            handler.item(tree(p), path + "[" + i + "]");
            i++;
        }
        return i;
    }

    private static int walkObject(JsonParser p, String path, Set<String> keys, ItemHandler handler)
            throws IOException {
        int found = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && keys.contains(name)) {
                streamArray(p, path + "." + name, handler);
                found++;
            } else if (v == JsonToken.START_OBJECT) {
                found += walkObject(p, path + "." + name, keys, handler);
            } else {
                p.skipChildren();
            }
        }
        if (p.currentToken() == null) {
            throw new IOException("Cannot read JSON: the file ends inside an object");
        }
        return found;
    }

    /**
     * The reject code for a file that could not be read: {@code invalid_json} for a syntax error or an exceeded
     * limit, {@code unknown_layout} for valid JSON of another shape ({@link LayoutException}), else
     * {@code unreadable_file} (an archive member that cannot be read).
     */
    public static String reasonCode(IOException e) {
        if (e instanceof JsonProcessingException) {
            return "invalid_json";
        }
        return e instanceof LayoutException ? "unknown_layout" : "unreadable_file";
    }

    /** Valid JSON, but not in the shape the file should have; the message starts "Cannot " and quotes nothing. */
    public static final class LayoutException extends IOException {
        private static final long serialVersionUID = 1L;

        public LayoutException(String message) {
            super(message);
        }
    }

    /**
     * Why a JSON file could not be read, quoting no content: the limit exceeded, or the position of the first
     * syntax error, or the exception's type.
     */
    public static String describe(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return "it exceeds a JSON reading limit (nesting depth " + MAX_NESTING_DEPTH + ", string length "
                    + MAX_STRING_CHARS + ", number length " + MAX_NUMBER_CHARS + ")";
        }
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation at = jpe.getLocation();
            return at == null || at.getLineNr() < 0 ? "it is not valid JSON"
                    : "it is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        String m = e.getMessage();
        return m != null && m.startsWith("Cannot ") ? m.substring(m.indexOf(':') + 1).strip()
                : "it cannot be read (" + e.getClass().getSimpleName() + ")";
    }
}
