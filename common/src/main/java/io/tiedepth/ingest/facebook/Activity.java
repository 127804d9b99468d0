package io.tiedepth.ingest.facebook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.tiedepth.ingest.FileTally;
import io.tiedepth.ingest.facebook.ActivityTitles.Title;
import io.tiedepth.ingest.facebook.FacebookLayout.Kind;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.pseudo.Mojibake;
import io.tiedepth.pseudo.PersonKeys;
import io.tiedepth.text.JsonFiles;
import io.tiedepth.text.TextCounts;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Comments, reactions and wall posts of a Facebook export, where the other person is named only in an English
 * {@code title} (see {@link ActivityTitles}) or, in 2023+ reaction files, in a {@code label_values} entry
 * labelled {@code Name}.
 *
 * <table>
 *   <caption>Files and keys</caption>
 *   <tr><td>comments</td><td>{@code comments/comments.json} ({@code comments}),
 *       {@code comments_and_reactions/comments.json} ({@code comments_v2})</td><td>comment, out</td></tr>
 *   <tr><td>reactions</td><td>{@code …/posts_and_comments.json} ({@code reactions}, {@code reactions_v2}),
 *       {@code likes_and_reactions[_N].json} (bare array)</td><td>reaction, out</td></tr>
 *   <tr><td>own posts</td><td>{@code posts/your_posts*.json}</td><td>wall_post, out (only "A wrote on B's
 *       timeline."; every other post is the owner's own: accepted, no interaction)</td></tr>
 *   <tr><td>posts to you</td><td>{@code posts/other_people's_posts_to_your_timeline.json}</td><td>wall_post,
 *       in, from the title's subject</td></tr>
 * </table>
 *
 * <p>Every item is a row. Accepted: an item naming a person (one interaction, at its {@code timestamp}, with
 * words and chars of a comment's or post's text), or one that names nobody ("his own post", "a photo", or the
 * owner themselves). Rejected: a title in another shape or language ({@code unparsed_title}), labels without an
 * English {@code Name} ({@code unparsed_labels}), an item naming a person but with no timestamp
 * ({@code bad_timestamp}), not an object ({@code not_object}). Items are held until the owner is known, so that
 * the owner named as the "other person" is recognised as nobody.
 */
final class Activity {
    private static final Set<String> KEYS = Set.of("comments", "comments_v2", "reactions", "reactions_v2",
            "activity_log_data", "wall_posts_sent_to_you", "status_updates", "status_updates_v2");

    /** An item naming a person, waiting for the owner to be known. */
    private record Pending(String person, String channel, String direction, Instant at, Integer words,
                           Integer chars, FileTally file, String location) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, Long> subjects = new HashMap<>();
    private Instant newest;

    /** How often each normalised name is the subject of an outgoing title (a hint to who the owner is). */
    Map<String, Long> subjects() {
        return subjects;
    }

    /** Newest item time, or null. */
    Instant newest() {
        return newest;
    }

    void load(Kind kind, InputStream in, FileTally tally) {
        try (JsonParser p = JsonFiles.parser(in)) {
            int arrays = JsonFiles.forEachItem(p, KEYS, (item, at) -> readItem(kind, item, at, tally));
            if (arrays == 0) {
                tally.failFile("file", "unknown_layout",
                        "Cannot read activity file: it holds no array under any known key");
            }
        } catch (IOException e) {
            tally.failFile("file", JsonFiles.reasonCode(e), "Cannot read activity file: " + JsonFiles.describe(e));
        }
    }

    private void readItem(Kind kind, JsonNode item, String at, FileTally tally) {
        if (!item.isObject()) {
            tally.reject(at, "not_object", "Cannot read activity item: it is not a JSON object");
            return;
        }
        Instant time = FacebookReader.epochSeconds(item.get("timestamp"));
        String rawTitle = item.path("title").isTextual() ? item.get("title").asText() : null;
        String title = rawTitle == null || rawTitle.isBlank() ? null : Mojibake.repair(rawTitle).strip();
        Optional<Title> parsed = ActivityTitles.parse(title);
        String person;
        String channel;
        String direction = "out";
        if (kind == Kind.POSTS) {
            if (parsed.isEmpty() || !parsed.get().channel().equals("wall_post") || parsed.get().person() == null) {
                tally.accept();
                return;
            }
            person = parsed.get().person();
            channel = "wall_post";
            subjects.merge(PersonKeys.normaliseName(parsed.get().subject()), 1L, Long::sum);
        } else if (kind == Kind.POSTS_TO_YOU) {
            if (parsed.isEmpty() || !parsed.get().channel().equals("wall_post")) {
                tally.reject(at, "unparsed_title", "Cannot place post: its title is not the English shape "
                        + "'<person> wrote on your timeline.'" + shapeOf(title));
                return;
            }
            person = parsed.get().subject();
            channel = "wall_post";
            direction = "in";
        } else if (title != null) {
            if (parsed.isEmpty()) {
                tally.reject(at, "unparsed_title", "Cannot place " + noun(kind) + ": its title is not one of the "
                        + "English shapes '<owner> <verb> <person>'s <object>.'" + shapeOf(title));
                return;
            }
            person = parsed.get().person();
            channel = parsed.get().channel();
            subjects.merge(PersonKeys.normaliseName(parsed.get().subject()), 1L, Long::sum);
        } else if (item.has("label_values")) {
            String name = nameLabel(item.get("label_values"));
            if (name == null) {
                tally.reject(at, "unparsed_labels", "Cannot place " + noun(kind)
                        + ": its label_values have no English 'Name' label");
                return;
            }
            person = name.isBlank() ? null : Mojibake.repair(name).strip();
            channel = kind == Kind.COMMENTS ? "comment" : "reaction";
        } else {
            tally.reject(at, "unparsed_title", "Cannot place " + noun(kind)
                    + ": it has neither a title nor label_values naming the other person");
            return;
        }
        if (person == null) {
            tally.accept();
            return;
        }
        if (time == null) {
            tally.reject(at, "bad_timestamp", "Cannot place " + noun(kind) + ": it has no timestamp within the plausible range 1995-2099");
            return;
        }
        String text = textOf(item, channel);
        pending.add(new Pending(person, channel, direction, time, TextCounts.words(text), TextCounts.chars(text),
                tally, at));
        newest = newest == null || time.isAfter(newest) ? time : newest;
    }

    /**
     * Emits the held items: one interaction each, except those naming the owner (accepted, no interaction).
     *
     * @param owner normalised owner name, or null
     */
    void emit(String owner, ParsedExport out) {
        for (Pending p : pending) {
            if (owner == null || !PersonKeys.normaliseName(p.person()).equals(owner)) {
                out.interactions().add(new RawInteraction(PersonRef.ofName(p.person()), p.at(), p.channel(),
                        p.direction(), null, false, p.words(), p.chars(), null));
            }
            p.file().accept();
        }
        pending.clear();
    }

    /** The value of the English {@code Name} label (possibly blank), or null when there is none. */
    private static String nameLabel(JsonNode labels) {
        if (labels == null || !labels.isArray()) {
            return null;
        }
        for (JsonNode l : labels) {
            if ("Name".equals(l.path("label").asText(null))) {
                return l.path("value").asText("");
            }
        }
        return null;
    }

    /** The text of a comment ({@code data[].comment.comment}) or post ({@code data[].post}), repaired; else null. */
    private static String textOf(JsonNode item, String channel) {
        if (channel.equals("reaction")) {
            return null;
        }
        for (JsonNode d : item.path("data")) {
            JsonNode c = d.path("comment").path("comment");
            if (c.isTextual()) {
                return Mojibake.repair(c.asText());
            }
            if (d.path("post").isTextual()) {
                return Mojibake.repair(d.get("post").asText());
            }
        }
        return null;
    }

    /** A title's outline for a reject reason: its number of words, nothing quoted. */
    private static String shapeOf(String title) {
        return title == null ? " (no title)" : " (a title of " + TextCounts.words(title) + " words)";
    }

    private static String noun(Kind kind) {
        return switch (kind) {
            case COMMENTS -> "comment";
            case REACTIONS -> "reaction";
            default -> "post";
        };
    }
}
