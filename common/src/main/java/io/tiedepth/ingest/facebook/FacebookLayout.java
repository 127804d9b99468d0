package io.tiedepth.ingest.facebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where things are in a Facebook "Download your information" export, for every era (reference/export-formats.md
 * §2). Files are recognised by name and parent folder, never by a fixed root, so all three eras, the 2025
 * Accounts-Center root ({@code this_profile's_activity_across_facebook/}) and exports whose only top folder was
 * stripped as a wrapper are all read.
 */
final class FacebookLayout {
    /** What a member file holds. */
    enum Kind {
        FRIENDS(true), REMOVED_FRIENDS(true), RECEIVED_REQUESTS(true), SENT_REQUESTS(true), REJECTED_REQUESTS(true),
        THREAD(true), COMMENTS(false), REACTIONS(false), POSTS(false), POSTS_TO_YOU(false);

        /** Friends and Messenger files: their presence alone says the export is Facebook's. */
        final boolean core;

        Kind(boolean core) {
            this.core = core;
        }
    }

    private static final Pattern THREAD_FILE = Pattern.compile("message(_\\d+)?\\.(json|html?)");
    private static final Pattern FRIENDS_PARENT = Pattern.compile("friends|friends_and_followers");
    private static final Pattern REACTIONS_NUMBERED = Pattern.compile("likes_and_reactions(_\\d+)?\\.json");
    private static final Pattern POSTS_FILE = Pattern.compile("your_posts.*\\.json");
    private static final Pattern POSTS_TO_YOU = Pattern.compile(
            "other_people(?:'s|_s|s)?_posts_to_your_timeline(_\\d+)?\\.json");

    private final Map<String, Kind> files = new LinkedHashMap<>();
    private final List<String> html = new ArrayList<>();
    private final String era;
    private final boolean e2eeSection;

    private FacebookLayout(List<String> paths) {
        boolean e2ee = false;
        int era = 2018;
        for (String p : paths) {
            String lp = p.toLowerCase(Locale.ROOT);
            if (isHtmlMarker(lp)) {
                html.add(p);
                continue;
            }
            Kind k = kindOf(lp);
            if (k != null) {
                files.put(p, k);
                if (k == Kind.THREAD && isUnder(lp, "e2ee_cutover")) {
                    e2ee = true;
                }
            }
            era = Math.max(era, eraMarker(lp));
        }
        this.e2eeSection = e2ee;
        this.era = "facebook-" + era;
    }

    static FacebookLayout of(List<String> paths) {
        return new FacebookLayout(paths);
    }

    /** The data files this reader reads, in path order, with what each holds. */
    Map<String, Kind> files() {
        return files;
    }

    /** True when the export is Facebook's: some friends, Messenger or HTML-export file is present. */
    boolean isFacebook() {
        return !html.isEmpty() || files.values().stream().anyMatch(k -> k.core);
    }

    /**
     * The export was downloaded as HTML: HTML friends or Messenger files and no JSON ones. (An export holding both
     * is read from its JSON files.)
     */
    boolean isHtmlExport() {
        return !html.isEmpty() && files.values().stream().noneMatch(k -> k.core);
    }

    /** The HTML file to name in the rejection: a friends list when there is one (no name in its path). */
    String htmlWitness() {
        return html.stream().filter(p -> !isThreadFile(p.toLowerCase(Locale.ROOT))).findFirst()
                .orElse(html.isEmpty() ? "(export)" : html.get(0));
    }

    /** True when Messenger threads sit in an {@code e2ee_cutover} section. */
    boolean hasE2eeSection() {
        return e2eeSection;
    }

    /**
     * Era by folder layout: {@code facebook-2024} ({@code your_facebook_activity/},
     * {@code this_profile's_activity_across_facebook/}), {@code facebook-2023} ({@code your_activity_across_facebook/},
     * {@code connections/friends/}), {@code facebook-2021} ({@code friends_and_followers/}), else
     * {@code facebook-2018} (the reader raises that to 2021 when it sees {@code _v2} keys).
     */
    String era() {
        return era;
    }

    static Kind kindOf(String lowerPath) {
        String[] seg = lowerPath.split("/");
        String name = seg[seg.length - 1];
        String parent = seg.length > 1 ? seg[seg.length - 2] : "";
        if (isThreadFile(lowerPath) && name.endsWith(".json")) {
            return Kind.THREAD;
        }
        boolean friendsDir = parent.isEmpty() || FRIENDS_PARENT.matcher(parent).matches();
        if (friendsDir) {
            switch (name) {
                case "friends.json", "your_friends.json" -> {
                    return Kind.FRIENDS;
                }
                case "removed_friends.json" -> {
                    return Kind.REMOVED_FRIENDS;
                }
                case "received_friend_requests.json", "friend_requests_received.json" -> {
                    return Kind.RECEIVED_REQUESTS;
                }
                case "sent_friend_requests.json", "friend_requests_sent.json" -> {
                    return Kind.SENT_REQUESTS;
                }
                case "rejected_friend_requests.json" -> {
                    return Kind.REJECTED_REQUESTS;
                }
                default -> {
                }
            }
        }
        boolean activityDir = parent.isEmpty() || parent.equals("comments") || parent.equals("comments_and_reactions")
                || parent.equals("likes_and_reactions");
        if (activityDir && name.equals("comments.json") && !parent.equals("likes_and_reactions")) {
            return Kind.COMMENTS;
        }
        if (activityDir && (name.equals("posts_and_comments.json") || REACTIONS_NUMBERED.matcher(name).matches())) {
            return Kind.REACTIONS;
        }
        if (parent.equals("posts") || parent.isEmpty()) {
            if (POSTS_TO_YOU.matcher(name).matches()) {
                return Kind.POSTS_TO_YOU;
            }
            if (POSTS_FILE.matcher(name).matches()) {
                return Kind.POSTS;
            }
        }
        return null;
    }

    /** A Messenger thread part: {@code message_N.json} (or 2018 {@code message.json}) inside a thread folder. */
    private static boolean isThreadFile(String lowerPath) {
        String[] seg = lowerPath.split("/");
        if (seg.length < 2 || !THREAD_FILE.matcher(seg[seg.length - 1]).matches()) {
            return false;
        }
        for (int i = 0; i < seg.length - 2; i++) {
            if (seg[i].equals("messages") || ThreadPaths.SECTIONS.contains(seg[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHtmlMarker(String lp) {
        if (!lp.endsWith(".html") && !lp.endsWith(".htm")) {
            return false;
        }
        if (isThreadFile(lp)) {
            return true;
        }
        String[] seg = lp.split("/");
        String name = seg[seg.length - 1];
        String parent = seg.length > 1 ? seg[seg.length - 2] : "";
        return (name.startsWith("friends.htm") || name.startsWith("your_friends.htm"))
                && (parent.isEmpty() || FRIENDS_PARENT.matcher(parent).matches());
    }

    private static boolean isUnder(String lowerPath, String folder) {
        return lowerPath.startsWith(folder + "/") || lowerPath.contains("/" + folder + "/");
    }

    private static int eraMarker(String lp) {
        if (isUnder(lp, "your_facebook_activity") || isUnder(lp, "this_profile's_activity_across_facebook")) {
            return 2024;
        }
        if (isUnder(lp, "your_activity_across_facebook") || lp.startsWith("connections/friends/")
                || lp.contains("/connections/friends/")) {
            return 2023;
        }
        if (isUnder(lp, "friends_and_followers")) {
            return 2021;
        }
        return 2018;
    }
}
