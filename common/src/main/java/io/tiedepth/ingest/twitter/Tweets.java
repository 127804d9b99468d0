package io.tiedepth.ingest.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiedepth.ingest.FileTally;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.TimePoint;
import io.tiedepth.text.Dates;
import io.tiedepth.text.TextCounts;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The owner's tweets ({@code tweets.js}, before Oct 2022 {@code tweet.js}, and their {@code -partN} files), each
 * element with or (before 2020) without the {@code {"tweet":{…}}} wrapper. One row per tweet.
 *
 * <ul>
 *   <li>A reply ({@code in_reply_to_user_id_str}) is one {@code reply} out interaction with that account.</li>
 *   <li>Each other distinct account in {@code entities.user_mentions[].id_str} is one {@code mention} out
 *       interaction (the replied-to account is not also a mention).</li>
 *   <li>Ignored and counted in a warning: self-replies (threads) and self-mentions, ids {@code -1}, and retweets
 *       ({@code RT @…}: amplifying someone is not an exchange with them, and X lists the retweeted author as
 *       a mention).</li>
 *   <li>Words and chars of {@code full_text} (HTML entities {@code &amp; &lt; &gt;} decoded) go with each
 *       interaction; the text is then dropped.</li>
 *   <li>Rejected: not an object ({@code not_object}), no parseable {@code created_at}
 *       ({@code EEE MMM dd HH:mm:ss Z yyyy}; {@code bad_date}).</li>
 * </ul>
 */
final class Tweets {
    private final Dates.InFile dates = new Dates.InFile();
    private boolean wrapped;
    private boolean unwrapped;
    private long selfReplies;
    private long selfMentions;
    private long minusOne;
    private long retweets;

    /** True when some tweet had the {@code {"tweet":…}} wrapper (2020+). */
    boolean sawWrapper() {
        return wrapped;
    }

    /** True when some tweet had no wrapper (2019). */
    boolean sawBare() {
        return unwrapped;
    }

    /**
     * Reads one tweets file.
     *
     * @param owner the owner's account id, or null (then self-replies cannot be told apart)
     * @return the number of elements
     */
    int load(InputStream in, FileTally tally, String owner, ParsedExport out) throws IOException {
        return YtdFiles.forEachItem(in, (item, at) -> readTweet(item, at, tally, owner, out));
    }

    private void readTweet(JsonNode item, String at, FileTally tally, String owner, ParsedExport out) {
        JsonNode t = item;
        if (item.isObject() && item.path("tweet").isObject()) {
            t = item.get("tweet");
            wrapped = true;
        } else {
            unwrapped = true;
        }
        if (!t.isObject()) {
            tally.reject(at, "not_object", "Cannot read tweet: it is not a JSON object");
            return;
        }
        TimePoint created = dates.parse(t.path("created_at").asText(null));
        if (created == null) {
            tally.reject(at, "bad_date", "Cannot read tweet: created_at: "
                    + Dates.problem(t.path("created_at").asText("")));
            return;
        }
        String text = unescape(t.path("full_text").isTextual() ? t.get("full_text").asText()
                : t.path("text").asText(null));
        if (text != null && text.startsWith("RT @")) {
            retweets++;
            tally.accept();
            return;
        }
        Integer words = TextCounts.words(text);
        Integer chars = TextCounts.chars(text);
        String replyTo = DirectMessages.id(t.has("in_reply_to_user_id_str") ? t.get("in_reply_to_user_id_str")
                : t.get("in_reply_to_user_id"));
        if ("-1".equals(replyTo)) {
            minusOne++;
            replyTo = null;
        } else if (replyTo != null && replyTo.equals(owner)) {
            selfReplies++;
            replyTo = null;
        }
        if (replyTo != null) {
            out.interactions().add(new RawInteraction(PersonRef.ofAccount(replyTo), created.at(), "reply", "out",
                    null, false, words, chars, null));
        }
        Set<String> mentioned = new LinkedHashSet<>();
        for (JsonNode m : t.path("entities").path("user_mentions")) {
            String id = DirectMessages.id(m.isObject() ? m.get("id_str") : null);
            if (id == null || id.equals("-1")) {
                minusOne++;
            } else if (id.equals(owner)) {
                selfMentions++;
            } else if (!id.equals(replyTo)) {
                mentioned.add(id);
            }
        }
        for (String id : mentioned) {
            out.interactions().add(new RawInteraction(PersonRef.ofAccount(id), created.at(), "mention", "out", null,
                    false, words, chars, null));
        }
        tally.accept();
    }

    /** Warns with the counts of what was ignored, when anything was. */
    void warnIgnored(ParsedExport out) {
        if (selfReplies + selfMentions + minusOne + retweets > 0) {
            out.warn("X tweets: " + selfReplies + " self-replies, " + selfMentions + " self-mentions, " + minusOne
                    + " reply or mention ids of -1 or none and " + retweets
                    + " retweets were counted but are not interactions");
        }
    }

    private static String unescape(String s) {
        return s == null ? null : s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
