package io.tiedepth.ingest.linkedin;

import io.tiedepth.model.PersonRef;
import io.tiedepth.pseudo.PersonKeys;
import io.tiedepth.pseudo.UrlKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everyone one export names, so that a person seen with a profile URL in one file and only by name in another
 * (Connections before mid-2023, the TO column of messages, Invitations) is recognised as one person while reading.
 * Mirrors the {@link io.tiedepth.ingest.Resolver}'s rule: the key is the normalised URL, else the one URL the
 * export shows with that name, else the normalised name. Keys never leave the reader.
 */
final class People {
    /** At most this many {@code ", "}-separated pieces are joined back into one name. */
    static final int MAX_NAME_PIECES = 3;

    private final Map<String, Map<String, PersonRef>> urlsByName = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    private final UrlKeys urlKeys = new UrlKeys();

    /** Remembers a person's name and, when both are given, that the name goes with the URL. */
    void see(PersonRef p) {
        if (p == null || p.name() == null) {
            return;
        }
        String name = PersonKeys.normaliseName(p.name());
        names.add(name);
        if (p.url() != null) {
            urlsByName.computeIfAbsent(name, n -> new LinkedHashMap<>())
                    .putIfAbsent(urlKeys.of(p.url()), p);
        }
    }

    /** The person's key within this export, or null for an empty reference. */
    String key(PersonRef p) {
        if (p == null || p.isEmpty()) {
            return null;
        }
        if (p.url() != null) {
            return urlKeys.of(p.url());
        }
        if (p.name() == null) {
            return "id:" + p.accountId();
        }
        String name = PersonKeys.normaliseName(p.name());
        Map<String, PersonRef> urls = urlsByName.get(name);
        return urls != null && urls.size() == 1 ? urls.keySet().iterator().next() : "name:" + name;
    }

    /**
     * Splits LinkedIn's {@code ", "}-joined list of names. A name may itself hold {@code ", "} ("Doe, Jane",
     * "Jane Doe, PhD"), so this is best effort: consecutive pieces are joined again when the joined text is a
     * name seen elsewhere in the export (longest match first, at most {@value #MAX_NAME_PIECES} pieces); other
     * pieces stand alone.
     */
    List<String> splitNames(String joined) {
        List<String> out = new ArrayList<>();
        if (joined == null || joined.isBlank()) {
            return out;
        }
        String[] pieces = joined.split(", ");
        int i = 0;
        while (i < pieces.length) {
            int end = i + 1;
            for (int j = Math.min(pieces.length, i + MAX_NAME_PIECES); j > i + 1; j--) {
                if (names.contains(PersonKeys.normaliseName(String.join(", ", List.of(pieces).subList(i, j))))) {
                    end = j;
                    break;
                }
            }
            String name = String.join(", ", List.of(pieces).subList(i, end)).strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
            i = end;
        }
        return out;
    }

    /** One reference per (name, URL) pair seen, for {@link io.tiedepth.model.ParsedExport#alias}. */
    List<PersonRef> aliases() {
        List<PersonRef> out = new ArrayList<>();
        urlsByName.values().forEach(byUrl -> out.addAll(byUrl.values()));
        return out;
    }
}
