package io.tiedepth.ingest.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiedepth.text.Dates;
import io.tiedepth.ingest.ExportReader;
import io.tiedepth.ingest.FileTally;
import io.tiedepth.ingest.facebook.FacebookLayout.Kind;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.JsonFiles;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Facebook / Meta "Download your information" exports in JSON, every era (2018-20, 2021-22, 2023-25; see
 * {@link FacebookLayout}): friends and friend requests ({@link Friends}), Messenger threads ({@link Messenger}),
 * comments, reactions and wall posts that name the other person ({@link Activity}).
 *
 * <ul>
 *   <li><b>Persons</b> are names only (Facebook gives no ids or URLs): every name is mojibake-repaired
 *       ({@link io.tiedepth.pseudo.Mojibake}) before anything else, so "H\u00c3\u00a5kan" and "Håkan" are one
 *       person.</li>
 *   <li><b>Owner</b>: recognised among the Messenger thread members ({@link Messenger#recogniseOwner}), else the
 *       most frequent subject of the activity titles; unknown otherwise (the resolver then warns).</li>
 *   <li><b>HTML exports</b> (Facebook's default) are rejected as a whole with {@code html_export}.</li>
 *   <li><b>E2EE</b>: when the newest Messenger message is more than {@value #E2EE_GAP_DAYS} days older than the
 *       newest other event (friends, requests, activity), or the export has an {@code e2ee_cutover} section, a
 *       warning says when Messenger history ends (dates only).</li>
 *   <li><b>Paths</b> written anywhere have the Messenger thread folder pseudonymized ({@link ThreadPaths}).</li>
 *   <li><b>Era</b>: {@code facebook-2018}, {@code facebook-2021}, {@code facebook-2023}, {@code facebook-2024}
 *       ({@link FacebookLayout#era()}).</li>
 * </ul>
 */
public final class FacebookReader implements ExportReader {
    /** Days by which Messenger may end before the export's last event without a warning. */
    public static final int E2EE_GAP_DAYS = 90;
    /** Timestamps above this are taken as milliseconds, not seconds (year 5138 in seconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    @Override
    public String platform() {
        return "facebook";
    }

    @Override
    public boolean recognises(ExportSource source) throws IOException {
        return FacebookLayout.of(source.paths()).isFacebook();
    }

    @Override
    public List<ParsedExport> read(ExportSource source) throws IOException, ReadException {
        FacebookLayout layout = FacebookLayout.of(source.paths());
        if (layout.isHtmlExport()) {
            throw new ReadException("html_export", "Cannot read Facebook export: it was downloaded as HTML; "
                    + "download it again choosing the JSON format", ThreadPaths.pseudonymize(layout.htmlWitness()), 0);
        }
        ParsedExport out = new ParsedExport(platform());
        Friends friends = new Friends();
        Activity activity = new Activity();
        Messenger messenger = new Messenger();
        List<FileTally> tallies = new ArrayList<>();
        for (Map.Entry<String, Kind> f : layout.files().entrySet()) {
            String path = f.getKey();
            FileTally tally = new FileTally(out, ThreadPaths.pseudonymize(path));
            tallies.add(tally);
            try (InputStream in = source.open(path)) {
                switch (f.getValue()) {
                    case THREAD -> messenger.load(path, in, tally);
                    case COMMENTS, REACTIONS, POSTS, POSTS_TO_YOU -> activity.load(f.getValue(), in, tally);
                    default -> friends.load(f.getValue(), in, tally, out);
                }
            } catch (IOException e) {
                tally.failFile("file", JsonFiles.reasonCode(e), "Cannot read file: " + JsonFiles.describe(e));
            }
        }
        String owner = Messenger.recogniseOwner(messenger.threads(), friends.names(), activity.subjects());
        if (owner != null) {
            out.owner(PersonRef.ofName(owner));
        } else if (!messenger.threads().isEmpty()) {
            out.warn("Messenger: the owner could not be told apart from the other thread members; "
                    + "their messages are rejected as owner_unknown");
        }
        activity.emit(owner, out);
        messenger.emit(owner, out);
        warnIfMessengerEndsEarly(messenger.newest(), latest(friends.newest(), activity.newest()),
                layout.hasE2eeSection(), out);
        String era = layout.era();
        out.formatEra(era.equals("facebook-2018") && friends.sawV2() ? "facebook-2021" : era);
        tallies.forEach(FileTally::finish);
        return List.of(out);
    }

    static void warnIfMessengerEndsEarly(Instant messengerEnd, Instant otherEnd, boolean e2eeSection,
                                         ParsedExport out) {
        if (messengerEnd == null) {
            return;
        }
        String end = day(messengerEnd);
        if (otherEnd != null && messengerEnd.plus(Duration.ofDays(E2EE_GAP_DAYS)).isBefore(otherEnd)) {
            out.warn("Messenger history ends at " + end + ", long before the export's last event on " + day(otherEnd)
                    + " (E2EE cut-over?)" + (e2eeSection ? "; the export has an e2ee_cutover section" : ""));
        } else if (e2eeSection) {
            out.warn("Messenger history ends at " + end + " and the export has an e2ee_cutover section: chats "
                    + "moved to end-to-end encryption are missing after their cut-over");
        }
    }

    /**
     * An epoch timestamp in seconds (numbers above {@value #MILLIS_THRESHOLD} are taken as milliseconds), as a
     * number or a digit string; null when absent, not a number, or not positive.
     */
    static Instant epochSeconds(JsonNode n) {
        long v;
        if (n == null) {
            return null;
        } else if (n.isIntegralNumber() || n.isFloatingPointNumber()) {
            v = n.asLong();
        } else if (n.isTextual() && n.asText().strip().matches("\\d{1,18}")) {
            v = Long.parseLong(n.asText().strip());
        } else {
            return null;
        }
        if (v <= 0) {
            return null;
        }
        Instant at = v > MILLIS_THRESHOLD ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        return Dates.plausible(at) ? at : null;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
