package io.tiedepth.ingest;

import io.tiedepth.model.Canonical;
import io.tiedepth.model.Canonical.ExportRow;
import io.tiedepth.model.Canonical.InteractionRow;
import io.tiedepth.model.Canonical.InvitationRow;
import io.tiedepth.model.Canonical.RejectRow;
import io.tiedepth.model.Canonical.TieRow;
import io.tiedepth.model.FileStats;
import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.RawInvitation;
import io.tiedepth.model.RawTie;
import io.tiedepth.model.Reject;
import io.tiedepth.pseudo.PersonKeys;
import io.tiedepth.pseudo.UrlKeys;
import io.tiedepth.pseudo.Pseudonymizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link ParsedExport} into pseudonymized canonical rows (DESIGN §3–4). The one place where persons
 * become ids:
 * <ul>
 *   <li><b>Owner</b>: account id, else URL; an owner known only by name gets a key scoped to the export (a name
 *       alone cannot tell two donors apart), and a name-only contact with that same name is the owner; an
 *       unrecognised owner gets {@code export:<export_id>} and a warning.</li>
 *   <li><b>Contacts</b>: account id, else URL, else name; a name that the same export also shows with exactly
 *       one URL (or id) resolves to that URL's id, so Connections (no URL before mid-2023), messages and
 *       invitations agree. Name-only keys are scoped to the owner (see {@link PersonKeys}).</li>
 *   <li><b>Ties</b>: one per contact; a repeated contact keeps the earliest dated row (a warning counts them).
 *       {@code invited_by} and {@code invitation_has_note} come from the latest invitation with the same
 *       counterpart, when there is one.</li>
 *   <li><b>Observation window</b>: [first, last] over connection dates, interactions and invitations, widened to
 *       the window the reader declared ({@link ParsedExport#window}), if any.</li>
 *   <li><b>Threads</b>: {@code thread_id} = pseudonym of the platform's conversation id, scoped to the owner.</li>
 * </ul>
 */
public final class Resolver {
    public static final String PARSER_VERSION = "1";

    private final Pseudonymizer pseudonymizer;

    public Resolver(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    public Canonical.Export resolve(ParsedExport parsed, String exportId, long sizeBytes, Instant ingestedAt) {
        return resolve(parsed, exportId, exportId, sizeBytes, ingestedAt);
    }

    /** As {@link #resolve(ParsedExport, String, long, Instant)}, for one owner's part of a many-owner source. */
    public Canonical.Export resolve(ParsedExport parsed, String exportId, String sourceId, long sizeBytes,
                                    Instant ingestedAt) {
        String platform = parsed.platform();
        List<String> warnings = new ArrayList<>(parsed.warnings());
        UrlKeys urls = new UrlKeys();
        String ownerKey = ownerKey(parsed.owner(), platform, exportId, warnings, urls);
        String ownerId = pseudonymizer.id(ownerKey);
        String ownerName = ownerKey.startsWith("name:") ? PersonKeys.normaliseName(parsed.owner().name()) : null;
        Map<String, String> strongByName = strongKeysByName(parsed.aliases(), platform, urls);

        Map<String, RawInvitation> latestInvitation = new HashMap<>();
        List<InvitationRow> invitations = new ArrayList<>();
        for (RawInvitation inv : parsed.invitations()) {
            String key = contactKey(inv.counterpart(), platform, ownerKey, ownerName, strongByName, urls);
            if (key == null || key.equals(ownerKey)) {
                continue;
            }
            latestInvitation.merge(key, inv, (a, b) -> isBefore(a.sentAt(), b.sentAt()) ? b : a);
            invitations.add(new InvitationRow(exportId, platform, ownerId, pseudonymizer.id(key), inv.sentAt(),
                    inv.direction(), inv.hasNote()));
        }

        Map<String, RawTie> tiesByKey = new LinkedHashMap<>();
        int duplicates = 0;
        for (RawTie tie : parsed.ties()) {
            String key = contactKey(tie.contact(), platform, ownerKey, ownerName, strongByName, urls);
            if (key == null || key.equals(ownerKey)) {
                continue;
            }
            RawTie before = tiesByKey.get(key);
            if (before == null) {
                tiesByKey.put(key, tie);
            } else {
                duplicates++;
                if (tie.connectedAt() != null
                        && (before.connectedAt() == null || tie.connectedAt().isBefore(before.connectedAt()))) {
                    tiesByKey.put(key, tie);
                }
            }
        }
        if (duplicates > 0) {
            warnings.add(duplicates + " repeated contact(s) in the tie files merged into one tie each");
        }
        List<TieRow> ties = new ArrayList<>(tiesByKey.size());
        for (Map.Entry<String, RawTie> e : tiesByKey.entrySet()) {
            RawTie t = e.getValue();
            RawInvitation inv = latestInvitation.get(e.getKey());
            String invitedBy = t.invitedBy();
            Boolean hasNote = t.invitationHasNote();
            if (inv != null && "unknown".equals(invitedBy)) {
                invitedBy = "out".equals(inv.direction()) ? "owner" : "contact";
                hasNote = inv.hasNote();
            }
            ties.add(new TieRow(exportId, platform, ownerId, pseudonymizer.id(e.getKey()), t.connectedAt(),
                    t.precision() == null ? null : t.precision().name(), t.tieSource(), invitedBy, hasNote,
                    t.ended()));
        }

        List<InteractionRow> interactions = new ArrayList<>(parsed.interactions().size());
        int self = 0;
        for (RawInteraction i : parsed.interactions()) {
            String key = contactKey(i.contact(), platform, ownerKey, ownerName, strongByName, urls);
            if (key == null || key.equals(ownerKey)) {
                self++;
                continue;
            }
            String threadId = i.threadKey() == null ? null
                    : pseudonymizer.id("thread:" + platform + ":" + ownerKey + ":" + i.threadKey());
            interactions.add(new InteractionRow(exportId, platform, ownerId, pseudonymizer.id(key), i.at(),
                    i.channel(), i.direction(), threadId, i.isGroup(), i.words(), i.chars(), i.durationS()));
        }
        if (self > 0) {
            warnings.add(self + " interaction(s) of the owner with themselves or with nobody were dropped");
        }
        interactions.sort(Comparator.comparing(InteractionRow::at));

        Instant[] window = window(ties, interactions, invitations);
        if (parsed.declaredWindowStart() != null && (window[0] == null
                || parsed.declaredWindowStart().isBefore(window[0]))) {
            window[0] = parsed.declaredWindowStart();
        }
        if (parsed.declaredWindowEnd() != null && (window[1] == null || parsed.declaredWindowEnd().isAfter(window[1]))) {
            window[1] = parsed.declaredWindowEnd();
        }
        List<RejectRow> rejects = new ArrayList<>(parsed.rejects().size());
        for (Reject r : parsed.rejects()) {
            rejects.add(new RejectRow(exportId, platform, r.file(), r.location(), r.reasonCode(), r.reason()));
        }
        parsed.unlistedRejects().forEach((file, n) -> rejects.add(new RejectRow(exportId, platform, file, "file",
                "more_rejects", n + " more rejected row(s) of " + file.substring(file.lastIndexOf('/') + 1)
                + " are not listed (at most " + ParsedExport.MAX_REJECT_ROWS_PER_FILE + " per file are)")));
        List<FileStats> files = List.copyOf(parsed.files().values());
        ExportRow export = new ExportRow(exportId, sourceId, ownerId, platform, parsed.formatEra(), "ok", sizeBytes, files,
                parsed.hiddenProfiles(), window[0], window[1], ingestedAt, PARSER_VERSION, List.copyOf(warnings),
                parsed.relativeTime() ? ExportRow.RELATIVE : ExportRow.ABSOLUTE, parsed.derivedTies());
        return new Canonical.Export(export, ties, interactions, invitations, rejects);
    }

    /**
     * The export with status {@code rejected} and a warning when none of its tie, interaction or invitation rows
     * was accepted (a password zip, a file of NUL bytes, an empty {@code Connections.csv}): there is nothing to
     * analyse, so it is no owner. Its file counts and rejects are kept as they are. Unchanged otherwise.
     */
    public static Canonical.Export withoutContentRejected(Canonical.Export e) {
        if (!e.ties().isEmpty() || !e.interactions().isEmpty() || !e.invitations().isEmpty()) {
            return e;
        }
        ExportRow x = e.export();
        List<String> warnings = new ArrayList<>(x.warnings());
        warnings.add("no tie, interaction or invitation of this export could be accepted: it is not analysed and its"
                + " owner is not counted");
        ExportRow rejected = new ExportRow(x.exportId(), x.sourceId(), x.ownerId(), x.platform(), x.formatEra(),
                "rejected", x.sizeBytes(), x.files(), x.hiddenProfiles(), x.windowStart(), x.windowEnd(),
                x.ingestedAt(), x.parserVersion(), List.copyOf(warnings));
        return new Canonical.Export(rejected, e.ties(), e.interactions(), e.invitations(), e.rejects());
    }

    /** The rows for an export that could not be read at all: one export row (status rejected), one reject. */
    public static Canonical.Export rejected(String exportId, String platform, long sizeBytes, Instant ingestedAt,
                                            String file, String reasonCode, String reason) {
        ExportRow export = new ExportRow(exportId, exportId, null, platform, "unknown", "rejected", sizeBytes,
                List.of(new FileStats(file, 1, 0, 1)), 0, null, null, ingestedAt, PARSER_VERSION, List.of(reason));
        RejectRow reject = new RejectRow(exportId, platform, file, "export", reasonCode, reason);
        return new Canonical.Export(export, List.of(), List.of(), List.of(), List.of(reject));
    }

    private static String ownerKey(PersonRef owner, String platform, String exportId, List<String> warnings,
                                   UrlKeys urls) {
        if (owner == null || owner.isEmpty()) {
            warnings.add("owner not recognised: owner_id is derived from the export id");
            return "export:" + exportId;
        }
        if (owner.accountId() != null) {
            return PersonKeys.accountKey(platform, owner.accountId());
        }
        if (owner.url() != null) {
            return urls.of(owner.url());
        }
        return PersonKeys.nameKey(platform, "export-" + exportId, owner.name());
    }

    private static String contactKey(PersonRef p, String platform, String ownerKey, String ownerName,
                                     Map<String, String> strongByName, UrlKeys urls) {
        if (p == null || p.isEmpty()) {
            return null;
        }
        if (p.accountId() != null) {
            return PersonKeys.accountKey(platform, p.accountId());
        }
        if (p.url() != null) {
            return urls.of(p.url());
        }
        String name = PersonKeys.normaliseName(p.name());
        String strong = strongByName.get(name);
        if (strong != null) {
            return strong;
        }
        return name.equals(ownerName) ? ownerKey : PersonKeys.nameKey(platform, ownerKey, p.name());
    }

    /** Normalised name → its one strong key; names seen with two different strong keys are left out. */
    private static Map<String, String> strongKeysByName(List<PersonRef> aliases, String platform, UrlKeys urls) {
        Map<String, Set<String>> keys = new HashMap<>();
        for (PersonRef p : aliases) {
            String strong = p.accountId() != null
                    ? PersonKeys.accountKey(platform, p.accountId()) : urls.of(p.url());
            keys.computeIfAbsent(PersonKeys.normaliseName(p.name()), k -> new HashSet<>()).add(strong);
        }
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : keys.entrySet()) {
            if (e.getValue().size() == 1) {
                out.put(e.getKey(), e.getValue().iterator().next());
            }
        }
        return out;
    }

    /** a is strictly before b; an unknown time is before every known one. */
    private static boolean isBefore(Instant a, Instant b) {
        if (b == null) {
            return false;
        }
        return a == null || a.isBefore(b);
    }

    private static Instant[] window(List<TieRow> ties, List<InteractionRow> interactions,
                                    List<InvitationRow> invitations) {
        Instant lo = null;
        Instant hi = null;
        List<Instant> all = new ArrayList<>();
        ties.forEach(t -> all.add(t.connectedAt()));
        interactions.forEach(i -> all.add(i.at()));
        invitations.forEach(i -> all.add(i.sentAt()));
        for (Instant t : all) {
            if (t != null) {
                lo = lo == null || t.isBefore(lo) ? t : lo;
                hi = hi == null || t.isAfter(hi) ? t : hi;
            }
        }
        return new Instant[] {lo, hi};
    }
}
