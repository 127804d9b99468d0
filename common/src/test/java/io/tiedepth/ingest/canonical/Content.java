package io.tiedepth.ingest.canonical;

import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.RawInvitation;
import io.tiedepth.model.RawTie;
import java.util.List;

/** Test support: what a reader parsed, as comparable values (ParsedExport itself has no equals). */
record Content(String part, String platform, PersonRef owner, List<RawTie> ties, List<RawInteraction> interactions,
               List<RawInvitation> invitations) {

    static List<Content> of(List<ParsedExport> parts) {
        return parts.stream().map(p -> new Content(p.part(), p.platform(), p.owner(), List.copyOf(p.ties()),
                List.copyOf(p.interactions()), List.copyOf(p.invitations()))).toList();
    }
}
