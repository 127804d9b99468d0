package io.tiedepth.ingest.twitter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tiedepth.text.Charsets;
import io.tiedepth.text.JsonFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .js} files of an X / Twitter archive: {@code window.YTD.<type>.partN = [ … ]} (and
 * {@code window.__THAR_CONFIG = { … }} for {@code manifest.js}). The assignment prefix is stripped up to the
 * first {@code =} (or none, when the file already starts with {@code [} or {@code {}, as re-saved JSON does) and
 * the rest is parsed as JSON, streamed one element at a time.
 */
final class YtdFiles {
    /** Longest assignment prefix looked for before giving up on a file. */
    static final int MAX_PREFIX_CHARS = 1000;
    /**
     * Data files read, by base name: {@code account}, {@code follower}, {@code following}, {@code tweets} /
     * {@code tweet} (before Oct 2022), {@code direct-messages} / {@code direct-message} (2019),
     * {@code direct-messages-group} / {@code direct-message-group}; each optionally {@code -partN}.
     */
    private static final Pattern DATA_FILE = Pattern.compile(
            "(?:^|.*/)(account|follower|following|tweets?|direct-messages?|direct-messages?-group)"
                    + "(?:-part(\\d+))?\\.js");

    /** What a data file holds. */
    enum Type {
        ACCOUNT, FOLLOWER, FOLLOWING, TWEETS, DIRECT_MESSAGES, GROUP_MESSAGES
    }

    /** A data file: its type, part number (0 for the unnumbered file), and whether its name is an old one. */
    record DataFile(String path, Type type, int part, boolean singularName) {
    }

    private YtdFiles() {
    }

    /** The data file a member path is, or null. */
    static DataFile classify(String path) {
        Matcher m = DATA_FILE.matcher(path.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        String base = m.group(1);
        int part = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        Type type = switch (base) {
            case "account" -> Type.ACCOUNT;
            case "follower" -> Type.FOLLOWER;
            case "following" -> Type.FOLLOWING;
            case "tweet", "tweets" -> Type.TWEETS;
            case "direct-message", "direct-messages" -> Type.DIRECT_MESSAGES;
            default -> Type.GROUP_MESSAGES;
        };
        boolean singular = base.equals("tweet") || base.equals("direct-message") || base.equals("direct-message-group");
        return new DataFile(path, type, part, singular);
    }

    /**
     * Opens a YTD file's JSON: a parser positioned before the value, the assignment prefix consumed.
     *
     * @throws IOException "Cannot …" when no prefix ends within {@value #MAX_PREFIX_CHARS} characters
     */
    static JsonParser open(InputStream in) throws IOException {
        PushbackReader r = new PushbackReader(Charsets.reader(in), 1);
        int c;
        int n = 0;
        do {
            c = r.read();
            n++;
        } while (c >= 0 && Character.isWhitespace(c));
        if (c == '[' || c == '{') {
            r.unread(c);
            return JsonFiles.parser((Reader) r);
        }
        while (c >= 0 && c != '=' && n < MAX_PREFIX_CHARS) {
            c = r.read();
            n++;
        }
        if (c != '=') {
            throw new JsonFiles.LayoutException(
                    "Cannot read archive file: it has no 'window.YTD.<type>.partN =' assignment");
        }
        return JsonFiles.parser((Reader) r);
    }

    /**
     * Streams the elements of a YTD file's top-level array.
     *
     * @return the number of elements
     * @throws IOException "Cannot …" when the value is not an array, or a JSON error
     */
    static int forEachItem(InputStream in, JsonFiles.ItemHandler handler) throws IOException {
        try (JsonParser p = open(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new JsonFiles.LayoutException("Cannot read archive file: its value is not a JSON array");
            }
            return JsonFiles.streamArray(p, "$", handler);
        }
    }

    /** Reads a whole (small) YTD value, e.g. the manifest's object. */
    static JsonNode readValue(InputStream in) throws IOException {
        try (JsonParser p = open(in)) {
            p.nextToken();
            return JsonFiles.tree(p);
        }
    }
}
