package io.tiedepth.generate;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One generated owner and everything their export will hold, platform-neutral: contacts (ties first, then
 * strangers who only appear in invitations), conversations and their messages, invitations and endorsements, plus
 * the {@link Plan} of planted per-owner values. Built by {@link OwnerModel}, written by an {@link ExportWriter},
 * measured by {@link OwnerTruth}. Indices: contact {@code i} is {@code contacts.get(i)}; {@link #OWNER} (−1) is the
 * owner.
 *
 * @param index        owner index in the run (0-based)
 * @param seed         the run's seed (texts are drawn from it at write time)
 * @param platform     linkedin | facebook | twitter
 * @param era          the format era of the platform ({@link GeneratorParams#eras(String)}): LinkedIn header era,
 *                     Facebook folder layout, X archive layout
 * @param zipped       written as a .zip
 * @param exportAt     the export's instant; no event is later, and one (an invitation the owner sent) is at it
 * @param owner        the owner as a person
 * @param nTies        contacts 0..nTies−1 are ties (Connections rows); the rest are strangers
 * @param hiddenRows   Connections rows with only a date (hidden profiles): their instants
 * @param activity     the planted within-owner activity (C11), {@link Activity#NONE} when it is not planted
 */
public record SynthOwner(int index, long seed, String platform, String era, boolean zipped, Instant exportAt,
                         Names.Person owner, List<Contact> contacts, int nTies, List<Instant> hiddenRows,
                         List<Conversation> conversations, List<Message> messages, List<Invitation> invitations,
                         List<Endorsement> endorsements, Plan plan, Activity activity) {

    public static final int OWNER = -1;

    /**
     * A contact of the owner.
     *
     * @param connectedAt when the tie was made as the export shows it (midnight UTC for day-precision eras); null for
     *                    strangers
     * @param burst       accepted on a planted "yes to all" day
     * @param layer       Dunbar-like layer of the sustained core (1 = innermost), 0 when not in the core
     * @param role        what the model made of the tie (for tests and the per-owner truth file)
     */
    public record Contact(Names.Person person, Instant connectedAt, boolean burst, int layer, Role role) {
        public boolean isTie() {
            return connectedAt != null;
        }
    }

    /** What the model planned for a contact. */
    public enum Role {
        /** In the sustained core: regular messages at its layer's rate. */
        CORE,
        /** A recent tie whose one or two messages already make it active. */
        YOUNG,
        /** An older tie with one greeting or one exchange, not active. */
        SPORADIC,
        /** A dormant tie woken up by a planted wave. */
        WOKEN,
        /** No interaction. */
        SILENT,
        /** Not a tie: only in Invitations.csv. */
        STRANGER
    }

    /**
     * A conversation.
     *
     * @param id      the platform's conversation id
     * @param title   the group's title, or "" for a one-to-one conversation
     * @param members its contacts (one for a one-to-one conversation)
     */
    public record Conversation(String id, String title, int[] members) {
        public boolean isGroup() {
            return members.length > 1;
        }
    }

    /**
     * One message.
     *
     * @param conversation index into {@link SynthOwner#conversations()}
     * @param sender {@link #OWNER} or a contact index
     * @param words  words of its text (the text itself is drawn at write time)
     * @param multiline the text has a line break
     */
    public record Message(int conversation, Instant at, int sender, int words, boolean multiline) {
    }

    /**
     * An invitation; only those sent within the Invitations.csv window are kept here, unless C12 is planted (then
     * every tie's invitation is listed).
     *
     * @param contact    the counterpart (a tie or a stranger)
     * @param outgoing   sent by the owner
     * @param noteWords  words of its note, 0 for none
     */
    public record Invitation(int contact, boolean outgoing, Instant sentAt, int noteWords) {
    }

    /** One endorsement of one skill, received from or given to a contact. */
    public record Endorsement(int contact, boolean received, Instant at, String skill) {
    }

    /**
     * Planted per-owner values (before the export's own rules and noise decide what is observed).
     *
     * @param activeTarget      planned n_active
     * @param youngKept         young acquaintances kept (active through one or two early messages)
     * @param youngDropped      young acquaintances dropped because they would exceed the active budget
     * @param coreSize          sustained core ties
     * @param reciprocalTarget  target reciprocal share
     * @param initiative        P(the owner sends a contact's first message)
     * @param spammer           spammer type (C6)
     * @param burstDays         planted "yes to all" days
     * @param burstTies         ties accepted on them
     * @param wakeEvents        planted wake-up messages (C8)
     * @param inboundTarget     planted inbound requests over the observation window (C4)
     * @param tenureDays        days from the first possible connection to the export
     */
    public record Plan(int activeTarget, int youngKept, int youngDropped, int coreSize, double reciprocalTarget,
                       double initiative, boolean spammer, int burstDays, int burstTies, int wakeEvents,
                       double inboundTarget, double tenureDays) implements java.io.Serializable {
    }

    /**
     * The within-owner activity planted in the messages when C11 is switched on ({@link OwnerModel}): in each UTC
     * calendar month from {@code first}, {@code activated.get(k)} ties held then, none of which had a message in the
     * 11 months before, get their messages (one, or an exchange for a reciprocal tie) in month {@code first + k}.
     * So each tie has at most one activation in any 12 months, and the ties active in the 12 months ending with
     * month t are exactly the activations of months t − 11..t.
     *
     * @param first     the month of the owner's first tie (the panel's first month); null for {@link #NONE}
     * @param activated ties activated in each month, to the export's month; empty for {@link #NONE}
     */
    public record Activity(YearMonth first, List<Integer> activated) implements java.io.Serializable {
        /** Not planted: the base model's messages. */
        public static final Activity NONE = new Activity(null, List.of());

        public boolean planted() {
            return first != null;
        }
    }
}
