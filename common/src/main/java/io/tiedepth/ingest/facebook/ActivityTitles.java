package io.tiedepth.ingest.facebook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the English activity titles in which Facebook names the other person of a comment, reaction or wall post
 * (the only place it does): {@code "A commented on B's post."}, {@code "A replied to B's comment."},
 * {@code "A likes B's photo."}, {@code "A reacted to B's comment."}, {@code "A wrote on B's timeline."}.
 *
 * <ul>
 *   <li>The verb gives the channel: commented on / replied to → {@code comment}; likes / liked / reacted to /
 *       loves / loved → {@code reaction}; wrote on / posted on → {@code wall_post}.</li>
 *   <li>The object is a possessive ({@code B's}, {@code James'}, with ' or ’) naming the person; or names nobody
 *       ({@code his own post}, {@code a photo}, {@code your timeline}): the title is then parsed with no
 *       person.</li>
 *   <li>Anything else (another language, another shape, "A likes Some Page.") is not parsed; the reader rejects
 *       it with {@code unparsed_title} and a reason naming the shape, never the text.</li>
 * </ul>
 * The title must already be mojibake-repaired.
 */
final class ActivityTitles {
    /** A parsed title: who did it (the subject), the channel, and the other person (null when none is named). */
    record Title(String subject, String channel, String person) {
        @Override
        public String toString() {
            return "Title[" + channel + (person == null ? ", nobody" : ", a person") + "]";
        }
    }

    private static final Pattern SHAPE = Pattern.compile(
            "^(?<subject>\\S.*?) (?<verb>commented on|replied to|reacted to|likes|liked|loves|loved|wrote on|posted on)"
                    + " (?<rest>\\S.*?)\\.?$");
    private static final Pattern NOBODY = Pattern.compile(
            "^(?:(?:his|her|their|your|its|my) own|a|an|the|your|his|her|their|its|my|this|that)\\s.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSSESSIVE = Pattern.compile(
            "^(?<person>\\S.*?)(?:['’]s|(?<=s)['’])\\s+\\S.*$");

    private ActivityTitles() {
    }

    /** The parsed title, or empty when it is not one of the English shapes above. */
    static Optional<Title> parse(String title) {
        if (title == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(title.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String channel = switch (m.group("verb")) {
            case "commented on", "replied to" -> "comment";
            case "wrote on", "posted on" -> "wall_post";
            default -> "reaction";
        };
        String subject = m.group("subject").strip();
        String rest = m.group("rest");
        if (NOBODY.matcher(rest).matches()) {
            return Optional.of(new Title(subject, channel, null));
        }
        Matcher p = POSSESSIVE.matcher(rest);
        if (p.matches()) {
            return Optional.of(new Title(subject, channel, p.group("person").strip()));
        }
        return Optional.empty();
    }
}
