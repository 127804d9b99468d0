package io.tiedepth.ingest.canonical;

import static io.tiedepth.schema.Columns.AT;
import static io.tiedepth.schema.Columns.CHANNEL;
import static io.tiedepth.schema.Columns.CHARS;
import static io.tiedepth.schema.Columns.CONNECTED_AT;
import static io.tiedepth.schema.Columns.CONNECTED_AT_PRECISION;
import static io.tiedepth.schema.Columns.DIRECTION;
import static io.tiedepth.schema.Columns.DURATION_S;
import static io.tiedepth.schema.Columns.ENDED;
import static io.tiedepth.schema.Columns.HAS_NOTE;
import static io.tiedepth.schema.Columns.INVITATION_HAS_NOTE;
import static io.tiedepth.schema.Columns.INVITED_BY;
import static io.tiedepth.schema.Columns.IS_GROUP;
import static io.tiedepth.schema.Columns.OWNER_ID;
import static io.tiedepth.schema.Columns.PLATFORM;
import static io.tiedepth.schema.Columns.SENT_AT;
import static io.tiedepth.schema.Columns.THREAD_ID;
import static io.tiedepth.schema.Columns.TIE_SOURCE;
import static io.tiedepth.schema.Columns.WORDS;

import io.tiedepth.model.ParsedExport;
import io.tiedepth.model.PersonRef;
import io.tiedepth.model.Precision;
import io.tiedepth.model.RawInteraction;
import io.tiedepth.model.RawInvitation;
import io.tiedepth.model.RawTie;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accepted rows of a canonical-tables export, cut into one {@link ParsedExport} per distinct
 * ({@code owner_id}, {@code platform}): each is one owner's donation of one platform, as any other export.
 * Parts come in owner_id order, then platform.
 *
 * <p>Given ids become account ids: the owner is {@code PersonRef.ofAccount(owner_id)}, a contact or counterpart
 * {@code PersonRef.ofAccount(contact_id)}, and {@code thread_id} is kept as the thread key; the
 * {@link io.tiedepth.ingest.Resolver} re-keys all of them under the study key. A tie with a {@code connected_at}
 * and no {@code connected_at_precision} has precision {@code second}.
 */
final class Owners {
    private record Key(String owner, String platform) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::owner).thenComparing(Key::platform);

    private final Map<Key, ParsedExport> parts = new TreeMap<>(ORDER);

    /** Adds one checked row of {@code table} ({@link ColumnRules#check} values) to its owner's part. */
    void add(CanonicalTable table, Object[] values) {
        String owner = (String) get(table, values, OWNER_ID);
        String platform = (String) get(table, values, PLATFORM);
        ParsedExport part = parts.computeIfAbsent(new Key(owner, platform), k -> {
            ParsedExport p = new ParsedExport(k.platform());
            p.owner(PersonRef.ofAccount(k.owner()));
            p.part(k.owner() + "/" + k.platform());
            return p;
        });
        PersonRef other = PersonRef.ofAccount((String) get(table, values, table.counterpartColumn()));
        switch (table) {
            case TIES -> {
                Instant connectedAt = (Instant) get(table, values, CONNECTED_AT);
                String precision = (String) get(table, values, CONNECTED_AT_PRECISION);
                part.ties().add(new RawTie(other, connectedAt,
                        connectedAt == null ? null : precision == null ? Precision.second : Precision.valueOf(precision),
                        (String) get(table, values, TIE_SOURCE), (String) get(table, values, INVITED_BY),
                        (Boolean) get(table, values, INVITATION_HAS_NOTE), (Boolean) get(table, values, ENDED)));
            }
            case INTERACTIONS -> part.interactions().add(new RawInteraction(other, (Instant) get(table, values, AT),
                    (String) get(table, values, CHANNEL), (String) get(table, values, DIRECTION),
                    (String) get(table, values, THREAD_ID), (Boolean) get(table, values, IS_GROUP),
                    (Integer) get(table, values, WORDS), (Integer) get(table, values, CHARS),
                    (Integer) get(table, values, DURATION_S)));
            case INVITATIONS -> part.invitations().add(new RawInvitation(other, (Instant) get(table, values, SENT_AT),
                    (String) get(table, values, DIRECTION), (Boolean) get(table, values, HAS_NOTE)));
        }
    }

    /** Number of parts so far. */
    int size() {
        return parts.size();
    }

    /** The parts, in owner then platform order, each with {@code formatEra}. */
    List<ParsedExport> parts(String formatEra) {
        List<ParsedExport> out = new ArrayList<>(parts.values());
        out.forEach(p -> p.formatEra(formatEra));
        return out;
    }

    private static Object get(CanonicalTable table, Object[] values, String column) {
        return values[table.index(column)];
    }
}
