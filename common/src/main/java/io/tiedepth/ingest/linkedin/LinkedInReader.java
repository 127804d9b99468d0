package io.tiedepth.ingest.linkedin;

import io.tiedepth.ingest.ExportReader;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.source.ExportSource;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * LinkedIn "Get a copy of your data" (a folder or a .zip, any wrapper folder; file names matched
 * case-insensitively anywhere in it). Reads {@link ConnectionsFile Connections.csv} (required),
 * {@link MessagesFile messages.csv}, {@link InvitationsFile Invitations.csv}, {@link EndorsementsFile
 * Endorsement_Received_Info.csv / Endorsement_Given_Info.csv} and {@link RecommendationsFile
 * Recommendations_Received.csv / Recommendations_Given.csv}; recognises the owner with {@link OwnerRecognition}.
 * {@code Profile.csv} and every other file are not read. Message-shaped files that are not person-to-person
 * ({@code coach_messages.csv}, {@code guide_messages.csv}, any {@code *_messages.csv}, any {@code learning_*.csv})
 * are ignored on purpose and listed in the export's warnings.
 *
 * <p>People are not pseudonymized here: the reader fills {@link PersonRef}s and registers everyone seen with both
 * a URL and a name as an {@linkplain ParsedExport#alias alias}, so the Resolver gives Connections (no URL before
 * mid-2023), messages and invitations one contact id per person.
 *
 * <p>A file that cannot be read yields one reject and a warning, and the rest is still read; only a missing
 * {@code Connections.csv} fails the export. See {@link #formatEra} for the era label.
 */
public final class LinkedInReader implements ExportReader {
    private static final List<String> FILES = List.of(ConnectionsFile.FILE, MessagesFile.FILE, InvitationsFile.FILE,
            EndorsementsFile.RECEIVED, EndorsementsFile.GIVEN, RecommendationsFile.RECEIVED, RecommendationsFile.GIVEN);

    @Override
    public String platform() {
        return "linkedin";
    }

    /** True when any of the LinkedIn files read here is present. */
    @Override
    public boolean recognises(ExportSource source) throws IOException {
        for (String f : FILES) {
            if (source.find(f).isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<ParsedExport> read(ExportSource source) throws IOException, ReadException {
        String connections = source.find(ConnectionsFile.FILE).orElseThrow(() -> new ReadException("missing_file",
                "Cannot read LinkedIn export: " + ConnectionsFile.FILE + " is missing", ConnectionsFile.FILE, 0));
        ParsedExport out = new ParsedExport(platform());
        People people = new People();
        ConnectionsFile.Result ties = ConnectionsFile.read(source, connections, out, people);

        Optional<String> invitations = source.find(InvitationsFile.FILE);
        List<PersonRef> invitationOwners = invitations.isPresent()
                ? InvitationsFile.read(source, invitations.get(), out, people) : List.of();
        Optional<String> messagesFile = source.find(MessagesFile.FILE);
        MessagesFile.Log messages = messagesFile.isPresent()
                ? MessagesFile.read(source, messagesFile.get(), out, people) : null;
        readIfPresent(source, EndorsementsFile.RECEIVED, f -> EndorsementsFile.read(source, f,
                EndorsementsFile.Role.ENDORSER, out, people));
        readIfPresent(source, EndorsementsFile.GIVEN, f -> EndorsementsFile.read(source, f,
                EndorsementsFile.Role.ENDORSEE, out, people));
        readIfPresent(source, RecommendationsFile.RECEIVED, f -> RecommendationsFile.read(source, f, "in", out,
                people));
        readIfPresent(source, RecommendationsFile.GIVEN, f -> RecommendationsFile.read(source, f, "out", out,
                people));

        PersonRef owner = OwnerRecognition.recognise(new OwnerRecognition.Evidence(
                messages == null ? List.of() : messages.conversations(),
                messages == null ? List.of() : messages.outgoingSenders(),
                invitationOwners, ties.contacts()));
        out.owner(owner);
        if (messages != null) {
            messages.emit(owner);
        }
        people.aliases().forEach(out::alias);
        out.formatEra(formatEra(ties.layout(), messages == null ? MessagesFile.Layout.NONE : messages.layout()));
        warnIgnoredFiles(source, out);
        return List.of(out);
    }

    /**
     * A short, stable label of the export's era, from the headers of {@code Connections.csv} and
     * {@code messages.csv}, the first rule that applies:
     * <ol>
     *   <li>{@code linkedin-2023-url}: Connections has the {@code URL} column (mid-2023+);</li>
     *   <li>{@code linkedin-2022-preamble}: Connections has the {@code Notes:} preamble (~2022 to mid-2023);</li>
     *   <li>{@code linkedin-2021}: messages has {@code CONVERSATION ID};</li>
     *   <li>{@code linkedin-2019}: messages has the upper-case {@code FROM,...,DIRECTION} header;</li>
     *   <li>{@code linkedin-2018}: messages has the mixed-case {@code From,...,Direction} header, or (with no
     *       messages) a {@code Connected On} carries a time ({@code 1/8/18, 6:14 PM});</li>
     *   <li>{@code linkedin-2021}: otherwise, when the Connections header was found (no preamble, date-only);</li>
     *   <li>{@code linkedin-unknown}: neither header was found.</li>
     * </ol>
     * {@code +excel} is appended when Connections looks re-saved by Excel ({@code 4-Apr-21} dates or {@code NA}
     * cells); Excel drops the preamble and rewrites dates, so the base label of a re-save without {@code URL}
     * column is at best what messages says.
     */
    static String formatEra(ConnectionsFile.Layout c, MessagesFile.Layout m) {
        String base;
        if (c.urlColumn()) {
            base = "linkedin-2023-url";
        } else if (c.preamble()) {
            base = "linkedin-2022-preamble";
        } else if (m == MessagesFile.Layout.CONVERSATIONS) {
            base = "linkedin-2021";
        } else if (m == MessagesFile.Layout.DIRECTION_2019) {
            base = "linkedin-2019";
        } else if (m == MessagesFile.Layout.DIRECTION_2018 || c.datesWithTime()) {
            base = "linkedin-2018";
        } else if (c.read()) {
            base = "linkedin-2021";
        } else {
            base = "linkedin-unknown";
        }
        return c.excel() ? base + "+excel" : base;
    }

    /** Lists message-shaped files that are not person-to-person and are ignored on purpose. */
    private static void warnIgnoredFiles(ExportSource source, ParsedExport out) throws IOException {
        for (String path : source.paths()) {
            String name = CsvRows.baseName(path);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith("_messages.csv") || lower.startsWith("learning_") && lower.endsWith(".csv")) {
                out.warn(name + " ignored: not person-to-person messages");
            }
        }
    }

    private interface FileRead {
        void read(String file) throws IOException;
    }

    private static void readIfPresent(ExportSource source, String name, FileRead read) throws IOException {
        Optional<String> file = source.find(name);
        if (file.isPresent()) {
            read.read(file.get());
        }
    }
}
