package io.tiedepth.ingest.facebook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a Facebook member path safe to write (DESIGN §4): Messenger thread folders are named after people
 * ({@code messages/inbox/janedoe_1234/message_1.json}), so the thread folder segment becomes
 * {@code thread-<first 12 hex digits of SHA-256(folder name)>}; every other segment is kept, so the path still
 * shows where the file was. A plain hash suffices here: the folder name is not an account id and the result
 * only has to tell files apart.
 *
 * <p>The thread folder is the segment after {@code messages/<section>/} (sections: {@link #SECTIONS}), or after
 * {@code messages/} in the 2018 layout ({@code messages/<thread>/message.json}) unless it is a known structural
 * folder ({@code stickers_used}, {@code photos}…), or after a leading section when the export's only top folder
 * was stripped as a wrapper ({@code inbox/<thread>/…}). Anything unsure is hashed.
 */
public final class ThreadPaths {
    /** Messenger sections holding thread folders. */
    public static final Set<String> SECTIONS = Set.of("inbox", "archived_threads", "filtered_threads",
            "message_requests", "e2ee_cutover");
    private static final Set<String> STRUCTURAL = Set.of("stickers_used", "photos", "gifs", "videos", "audio",
            "files");
    private static final Pattern DONE = Pattern.compile("thread-[0-9a-f]{12}");

    private ThreadPaths() {
    }

    /** The path with its thread folder segment (if any) pseudonymized; idempotent. */
    public static String pseudonymize(String path) {
        String[] seg = path.split("/", -1);
        int thread = threadSegment(seg);
        if (thread < 0 || DONE.matcher(seg[thread]).matches()) {
            return path;
        }
        seg[thread] = threadLabel(seg[thread]);
        return String.join("/", seg);
    }

    /** {@code thread-<12 hex>} for a thread folder name. */
    public static String threadLabel(String folder) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(folder.getBytes(StandardCharsets.UTF_8));
            return "thread-" + HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Index of the thread folder segment, or -1 when the path has none. */
    static int threadSegment(String[] seg) {
        int last = seg.length - 1;
        for (int i = 0; i < last; i++) {
            if (lower(seg[i]).equals("messages")) {
                String next = lower(seg[i + 1]);
                if (SECTIONS.contains(next)) {
                    return i + 2 <= last && isFolderOrBare(seg, i + 2) ? i + 2 : -1;
                }
                if (STRUCTURAL.contains(next)) {
                    return -1;
                }
                return isFolderOrBare(seg, i + 1) ? i + 1 : -1;
            }
        }
        if (last >= 1 && SECTIONS.contains(lower(seg[0])) && isFolderOrBare(seg, 1)) {
            return 1;
        }
        return -1;
    }

    /** The segment is a folder (more follows) or, as the last segment, has no file extension. */
    private static boolean isFolderOrBare(String[] seg, int i) {
        return i < seg.length - 1 || !seg[i].contains(".");
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
