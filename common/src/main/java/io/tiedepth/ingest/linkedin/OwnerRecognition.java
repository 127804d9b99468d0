package io.tiedepth.ingest.linkedin;

import io.tiedepth.model.PersonRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who donated a LinkedIn export. {@code Profile.csv} is never read (it is PII and carries no URL), so the owner is
 * recognised from the other files. Pure functions.
 *
 * <p>Each kind of evidence names a set of candidates; a person is matched by profile URL, else by a name that the
 * evidence also shows with exactly one URL, else by name (see {@link People}):
 * <ol>
 *   <li><b>conversations</b> (2021+ messages): the people who appear, as sender or recipient, in every
 *       conversation; when nobody does (a conversation whose rows name the owner nowhere), the one person who
 *       appears in the most conversations, if that is more than half of them;</li>
 *   <li><b>outgoing messages</b> (2018–2020 messages with {@code DIRECTION}): the senders of OUTGOING rows;</li>
 *   <li><b>outgoing and incoming invitations</b>: {@code From}/{@code inviterProfileUrl} of OUTGOING rows and
 *       {@code To}/{@code inviteeProfileUrl} of INCOMING rows.</li>
 * </ol>
 * The owner is the one person in every non-empty candidate set. When more than one remains (say an export with one
 * conversation, between the owner and one contact), people listed in {@code Connections.csv} are dropped: nobody
 * is their own connection. Otherwise, or when the kinds of evidence disagree, the owner is not recognised
 * ({@code null}) and the Resolver derives an owner id from the export id and warns.
 */
public final class OwnerRecognition {

    /**
     * What an export says about its owner.
     *
     * @param conversations    the participants of each conversation (senders and recipients)
     * @param outgoingSenders  senders of messages marked OUTGOING
     * @param invitationOwners the owner's side of each invitation (inviter of OUTGOING, invitee of INCOMING)
     * @param connections      the owner's connections (never the owner)
     */
    public record Evidence(List<List<PersonRef>> conversations, List<PersonRef> outgoingSenders,
                           List<PersonRef> invitationOwners, List<PersonRef> connections) {
    }

    private OwnerRecognition() {
    }

    /** The owner, with the URL and name the evidence shows for them, or null when not recognisable. */
    public static PersonRef recognise(Evidence e) {
        People people = new People();
        List<PersonRef> all = new ArrayList<>();
        e.conversations().forEach(all::addAll);
        all.addAll(e.outgoingSenders());
        all.addAll(e.invitationOwners());
        all.addAll(e.connections());
        all.forEach(people::see);

        List<Set<String>> sources = new ArrayList<>();
        sources.add(inConversations(e.conversations(), people));
        sources.add(keys(e.outgoingSenders(), people));
        sources.add(keys(e.invitationOwners(), people));
        Set<String> candidates = null;
        for (Set<String> s : sources) {
            if (s.isEmpty()) {
                continue;
            }
            if (candidates == null) {
                candidates = new LinkedHashSet<>(s);
            } else {
                candidates.retainAll(s);
            }
        }
        if (candidates == null) {
            return null;
        }
        if (candidates.size() > 1) {
            candidates.removeAll(keys(e.connections(), people));
        }
        return candidates.size() == 1 ? merged(candidates.iterator().next(), all, people) : null;
    }

    /**
     * Keys of the people present in every conversation; else the one person present in more than half of them and
     * in more than anyone else; else none.
     */
    private static Set<String> inConversations(List<List<PersonRef>> conversations, People people) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int n = 0;
        for (List<PersonRef> participants : conversations) {
            Set<String> here = keys(participants, people);
            if (!here.isEmpty()) {
                n++;
                here.forEach(k -> counts.merge(k, 1, Integer::sum));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        int max = counts.values().stream().max(Integer::compare).orElse(0);
        counts.forEach((k, c) -> {
            if (c == max) {
                out.add(k);
            }
        });
        return max == n || out.size() == 1 && 2 * max > n ? out : new LinkedHashSet<>();
    }

    private static Set<String> keys(List<PersonRef> refs, People people) {
        Set<String> out = new LinkedHashSet<>();
        for (PersonRef p : refs) {
            String k = people.key(p);
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    /** The first URL and the first name shown for the person with {@code key}. */
    private static PersonRef merged(String key, List<PersonRef> all, People people) {
        String url = null;
        String name = null;
        for (PersonRef p : all) {
            if (key.equals(people.key(p))) {
                url = url == null ? p.url() : url;
                name = name == null ? p.name() : name;
            }
        }
        return PersonRef.ofUrlAndName(url, name);
    }
}
