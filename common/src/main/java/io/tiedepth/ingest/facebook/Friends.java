package io.tiedepth.ingest.facebook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.tiedepth.ingest.FileTally;
import io.tiedepth.ingest.facebook.FacebookLayout.Kind;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.Precision;
import io.tiedepth.model.RawInvitation;
import io.tiedepth.model.RawTie;
import io.tiedepth.pseudo.Mojibake;
import io.tiedepth.pseudo.PersonKeys;
import io.tiedepth.text.JsonFiles;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Friend lists of a Facebook export, every era, with or without {@code _v2} keys. Items are
 * {@code {"name", "timestamp"}} (epoch seconds, UTC; 2018's {@code contact_info} is PII and ignored).
 *
 * <table>
 *   <caption>Files, keys and what they become</caption>
 *   <tr><td>friends.json, your_friends.json</td><td>{@code friends}, {@code friends_v2}</td>
 *       <td>tie {@code friend}, connected_at = timestamp (second precision)</td></tr>
 *   <tr><td>removed_friends.json</td><td>{@code deleted_friends}, {@code deleted_friends_v2}</td>
 *       <td>tie {@code friend}, {@code ended}; connected_at null (the timestamp is the removal)</td></tr>
 *   <tr><td>received_friend_requests.json, friend_requests_received.json</td>
 *       <td>{@code received_requests}, {@code received_requests_v2}</td><td>invitation in</td></tr>
 *   <tr><td>sent_friend_requests.json, friend_requests_sent.json</td>
 *       <td>{@code sent_requests}, {@code sent_requests_v2}</td><td>invitation out</td></tr>
 *   <tr><td>rejected_friend_requests.json</td><td>{@code rejected_requests}, {@code rejected_requests_v2}</td>
 *       <td>invitation in: requests the owner received and declined are still inbound requests (DESIGN §6
 *       inbound_requests_per_month); they make no tie</td></tr>
 * </table>
 * Facebook requests carry no note: has_note is false. An item without a name is rejected
 * ({@code missing_name}); one without a timestamp is kept with no date; one whose timestamp is not a time in the
 * plausible range 1995-2099 (zero, negative, year 1 or 9999, absurdly large) is rejected ({@code bad_timestamp}). A file holding none of the keys
 * is one reject ({@code unknown_layout}) and a warning, so a renamed key is never read as "no friends".
 */
final class Friends {
    private final Set<String> names = new HashSet<>();
    private Instant newest;
    private boolean v2;

    /** Normalised names of everyone in any friends file: the owner is never among them. */
    Set<String> names() {
        return names;
    }

    Instant newest() {
        return newest;
    }

    /** True when a {@code _v2} key was read (2021+). */
    boolean sawV2() {
        return v2;
    }

    void load(Kind kind, InputStream in, FileTally tally, ParsedExport out) {
        Set<String> keys = switch (kind) {
            case FRIENDS -> Set.of("friends", "friends_v2");
            case REMOVED_FRIENDS -> Set.of("deleted_friends", "deleted_friends_v2");
            case RECEIVED_REQUESTS -> Set.of("received_requests", "received_requests_v2");
            case SENT_REQUESTS -> Set.of("sent_requests", "sent_requests_v2");
            case REJECTED_REQUESTS -> Set.of("rejected_requests", "rejected_requests_v2");
            default -> throw new IllegalArgumentException(kind.name());
        };
        try (JsonParser p = JsonFiles.parser(in)) {
            int arrays = JsonFiles.forEachItem(p, keys, (item, at) -> readItem(kind, item, at, tally, out));
            if (arrays == 0) {
                tally.failFile("file", "unknown_layout", "Cannot read friends file: it holds none of the keys "
                        + String.join(", ", keys.stream().sorted().toList()));
            }
        } catch (IOException e) {
            tally.failFile("file", JsonFiles.reasonCode(e), "Cannot read friends file: " + JsonFiles.describe(e));
        }
    }

    private void readItem(Kind kind, JsonNode item, String at, FileTally tally, ParsedExport out) {
        if (at.contains("_v2[")) {
            v2 = true;
        }
        String raw = item.isObject() && item.path("name").isTextual() ? item.get("name").asText() : null;
        if (raw == null || raw.isBlank()) {
            tally.reject(at, item.isObject() ? "missing_name" : "not_object",
                    "Cannot read friend list item: it has no name");
            return;
        }
        String name = Mojibake.repair(raw).strip();
        names.add(PersonKeys.normaliseName(name));
        JsonNode stamp = item.get("timestamp");
        Instant time = FacebookReader.epochSeconds(stamp);
        if (time == null && stamp != null && !stamp.isNull()) {
            tally.reject(at, "bad_timestamp", "Cannot read friend list item: its timestamp is not a time in the "
                    + "plausible range 1995-2099");
            return;
        }
        if (time != null && (newest == null || time.isAfter(newest))) {
            newest = time;
        }
        PersonRef person = PersonRef.ofName(name);
        switch (kind) {
            case FRIENDS -> out.ties().add(new RawTie(person, time, time == null ? null : Precision.second, "friend",
                    "unknown", null, false));
            case REMOVED_FRIENDS -> out.ties().add(new RawTie(person, null, null, "friend", "unknown", null, true));
            case SENT_REQUESTS -> out.invitations().add(new RawInvitation(person, time, "out", false));
            default -> out.invitations().add(new RawInvitation(person, time, "in", false));
        }
        tally.accept();
    }
}
