package io.tiedepth.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the exports under an inbox folder. Donations may sit directly in the inbox or in sub-folders (one per
 * platform, per batch, ...), so the inbox is walked:
 * <ul>
 *   <li>a {@code .zip} file is an export;</li>
 *   <li>a folder is an export when it holds a data file at its top level (anything but documentation:
 *       {@code README*}, {@code *.md}, {@code *.txt}, {@code PROVENANCE*}, dot-files), or a platform's root
 *       folder ({@code friends/}, {@code messages/}, {@code connections/}, X's {@code data/}...), or it is empty;
 *       an export folder is not looked into further;</li>
 *   <li>any other folder is a grouping folder and is walked, down to {@value #MAX_DEPTH} levels.</li>
 * </ul>
 * A symbolic link is listed as an export, never followed, so that ingest rejects it with its reason
 * ({@code symbolic_link}). Other files (documentation) are skipped. The list is sorted, so runs are deterministic.
 */
public final class Inbox {
    public static final int MAX_DEPTH = 4;
    /** Top-level folders of a platform's export (lower case): such a folder is content, never a wrapper. */
    static final Set<String> ROOT_FOLDERS = Set.of("friends", "messages", "connections",
            "friends_and_followers", "your_activity_across_facebook", "your_facebook_activity",
            "this_profile's_activity_across_facebook", "comments", "comments_and_reactions", "likes_and_reactions",
            "data", "assets");

    private Inbox() {
    }

    /** The exports under {@code root}, sorted by path. */
    public static List<Path> discover(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("Cannot read inbox: not a folder (" + root + ")");
        }
        List<Path> out = new ArrayList<>();
        walk(root, 0, out);
        out.sort(null);
        return out;
    }

    private static void walk(Path dir, int depth, List<Path> out) throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isSymbolicLink(child)) {
                out.add(child);
            } else if (Files.isRegularFile(child) && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                out.add(child);
            } else if (Files.isDirectory(child)) {
                if (isExport(child) || depth + 1 >= MAX_DEPTH) {
                    out.add(child);
                } else {
                    walk(child, depth + 1, out);
                }
            }
        }
    }

    static boolean isExport(Path dir) throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
        if (children.isEmpty()) {
            return true;
        }
        Path only = children.size() == 1 && Files.isDirectory(children.get(0)) ? children.get(0) : null;
        if (only != null && !ROOT_FOLDERS.contains(only.getFileName().toString().toLowerCase(Locale.ROOT))) {
            return isExportContent(only);
        }
        return isExportContent(dir);
    }

    private static boolean isExportContent(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p) ? ROOT_FOLDERS.contains(lower) : !isDocumentation(lower)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDocumentation(String lower) {
        return lower.startsWith("readme") || lower.endsWith(".md") || lower.endsWith(".txt")
                || lower.startsWith("provenance") || lower.endsWith(".zip");
    }
}
