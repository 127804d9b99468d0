package io.tiedepth.generate;

import io.tiedepth.generate.SynthOwner.Conversation;
import io.tiedepth.generate.SynthOwner.Message;
import io.tiedepth.schema.Columns;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The realised truths of one owner: what the features will compute on the export as written, obtained by applying
 * the reader's rules (DESIGN §3: an owner's message to k contacts is k {@code out} interactions, a received one is one
 * {@code in}; no conversation ids before 2021) and the feature definitions (TieFeatures and OwnerMetrics javadoc,
 * DESIGN §5–6) to the generated events. Also carries the owner's planted values. Small and serializable: Spark
 * tasks return it and the driver aggregates it into {@link GroundTruth}.
 *
 * @param nTies                 ties (Connections rows with a person)
 * @param nActive               ties with contact_frequency ≥ 1 per year
 * @param nReciprocal           ties with interactions in both directions
 * @param nSustained            reciprocal ties with interactions in ≥ 3 distinct 30-day periods
 * @param outboundInitiationShare contacts whose first message the owner sent / contacts with a message (NaN if none)
 * @param inboundRequests       incoming invitations + conversations a non-tie opened, in the last RECENT_DAYS days
 * @param observationDays       window_end − window_start, days
 * @param burstDays             calendar days with ≥ burstK new ties
 * @param burstTies             ties on those days
 * @param burstObservable       burst ties the owner accepted (invitation from the contact) whose responseDays window ends before window_end
 * @param burstWithin           … of which had an interaction within responseDays of connecting
 * @param otherObservable       the same for the other accepted ties
 * @param otherWithin           …
 * @param noteTies              ties whose invitation (in Invitations.csv) had a note
 * @param noteReciprocal        … of which are reciprocal
 * @param noNoteTies            ties whose invitation had no note
 * @param noNoteReciprocal      … of which are reciprocal
 * @param reactivationsByMonth  reactivations of ties (inbound after ≥ dormancyDays of silence) per {@code yyyy-MM}
 * @param reactivationsNearWaves reactivations within ± (waveSpreadDays + 1) days of a wave date
 * @param interactions          interactions as the reader emits them
 * @param invitations           rows of Invitations.csv
 * @param windowStart           first event (epoch seconds)
 * @param windowEnd             last event (epoch seconds)
 * @param plan                  the planted per-owner values
 */
public record OwnerTruth(int nTies, int nActive, int nReciprocal, int nSustained, double outboundInitiationShare,
                         long inboundRequests, double observationDays, int burstDays, int burstTies,
                         int burstObservable, int burstWithin, int otherObservable, int otherWithin, int noteTies,
                         int noteReciprocal, int noNoteTies, int noNoteReciprocal,
                         TreeMap<String, Integer> reactivationsByMonth, int reactivationsNearWaves, long interactions,
                         long invitations, long windowStart, long windowEnd, SynthOwner.Plan plan)
        implements Serializable {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final long PERIOD_S = 30L * 86_400L;
    /** The window of inbound requests: half a year before the window end ({@link Columns#INBOUND_WINDOW_DAYS}). */
    public static final double RECENT_DAYS = Columns.INBOUND_WINDOW_DAYS;

    /** Messages and their conversations, as generated so far. */
    public record MessageView(List<Conversation> conversations, List<Message> messages) {
    }

    /** One interaction as the reader emits it. {@code conversation} is −1 when the era has no conversation ids. */
    record Interaction(int contact, long at, boolean out, int conversation, String channel) {
    }

    public double reciprocalShare() {
        return nTies == 0 ? Double.NaN : (double) nReciprocal / nTies;
    }

    /**
     * inbound_requests_per_month as the features compute it: inbound requests (in the last {@value #RECENT_DAYS}
     * days) / (min(observation_days, {@value #RECENT_DAYS}) / 30.4375); NaN below one day of observation or when the
     * export lists no invitation (X).
     */
    public double inboundPerMonth() {
        return observationDays >= 1 && invitations > 0
                ? inboundRequests / (Math.min(observationDays, RECENT_DAYS) / 30.4375) : Double.NaN;
    }

    public int reactivations() {
        return reactivationsByMonth.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Measures an owner with the feature thresholds {@code f}; {@code waves} are the run's wave dates. */
    public static OwnerTruth of(SynthOwner o, GeneratorParams.Features f, List<LocalDate> waves, int waveSpreadDays) {
        List<Interaction> all = interactions(o);
        int n = o.nTies();
        boolean dated = hasConnectionDates(o.platform());
        List<SynthOwner.Invitation> invitations = dated ? o.invitations() : List.of();
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < n && dated; i++) {
            long t = o.contacts().get(i).connectedAt().getEpochSecond();
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        for (Interaction x : all) {
            lo = Math.min(lo, x.at());
            hi = Math.max(hi, x.at());
        }
        Map<Integer, Boolean> noteOf = new HashMap<>();
        Map<Integer, Boolean> acceptedOf = new HashMap<>();
        for (SynthOwner.Invitation inv : invitations) {
            long t = inv.sentAt().getEpochSecond();
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
            if (inv.contact() < n) {
                noteOf.put(inv.contact(), inv.noteWords() > 0);
                acceptedOf.put(inv.contact(), !inv.outgoing());
            }
        }
        if (lo == Long.MAX_VALUE) {
            lo = hi = o.exportAt().getEpochSecond();
        }
        final long windowStart = lo;
        final long windowEnd = hi;

        List<List<Interaction>> byContact = new ArrayList<>(o.contacts().size());
        for (int i = 0; i < o.contacts().size(); i++) {
            byContact.add(new ArrayList<>());
        }
        for (Interaction x : all) {
            byContact.get(x.contact()).add(x);
        }
        Comparator<Interaction> order = Comparator.comparingLong(Interaction::at)
                .thenComparing(Interaction::channel).thenComparing(x -> x.out() ? "out" : "in");

        Map<Long, Integer> perDay = new HashMap<>();
        for (int i = 0; i < n && dated; i++) {
            perDay.merge(Math.floorDiv(o.contacts().get(i).connectedAt().getEpochSecond(), 86_400L), 1, Integer::sum);
        }
        int burstDays = 0;
        for (int c : perDay.values()) {
            burstDays += c >= f.burstK() ? 1 : 0;
        }
        long dormancy = f.dormancyDays() * 86_400L;
        long response = f.responseDays() * 86_400L;
        long nearWaves = (waveSpreadDays + 1L) * 86_400L;
        int nActive = 0;
        int nRecip = 0;
        int nSustained = 0;
        int burstTies = 0;
        int[] c3 = new int[4];
        int[] c9 = new int[4];
        int nearWave = 0;
        TreeMap<String, Integer> reactivations = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            List<Interaction> xs = byContact.get(i);
            xs.sort(order);
            // without a connection date the tie starts at its first interaction (or the window's start), and the
            // first interaction has no silence before it to end
            long connected = dated ? o.contacts().get(i).connectedAt().getEpochSecond()
                    : xs.isEmpty() ? windowStart : xs.get(0).at();
            int out = 0;
            int in = 0;
            boolean within = false;
            Set<Long> periods = new HashSet<>();
            long previous = dated ? connected : Long.MAX_VALUE;
            for (Interaction x : xs) {
                if (x.out()) {
                    out++;
                } else {
                    in++;
                    if (previous != Long.MAX_VALUE && x.at() - previous >= dormancy) {
                        reactivations.merge(MONTH.format(Instant.ofEpochSecond(x.at())), 1, Integer::sum);
                        for (LocalDate w : waves) {
                            long wave = w.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
                            if (Math.abs(x.at() - wave) <= nearWaves) {
                                nearWave++;
                                break;
                            }
                        }
                    }
                }
                previous = x.at();
                within |= x.at() >= connected && x.at() - connected < response;
                periods.add(Math.floorDiv(x.at(), PERIOD_S));
            }
            double observed = Math.max(30.0, (windowEnd - Math.max(connected, windowStart)) / 86_400.0);
            if (xs.size() / (observed / 365.25) >= 1.0) {
                nActive++;
            }
            boolean reciprocal = out > 0 && in > 0;
            nRecip += reciprocal ? 1 : 0;
            nSustained += reciprocal && periods.size() >= 3 ? 1 : 0;
            if (!dated) {
                continue;
            }
            boolean burst = perDay.get(Math.floorDiv(connected, 86_400L)) >= f.burstK();
            burstTies += burst ? 1 : 0;
            if (connected + response <= windowEnd && Boolean.TRUE.equals(acceptedOf.get(i))) {
                c3[burst ? 0 : 2]++;
                c3[burst ? 1 : 3] += within ? 1 : 0;
            }
            Boolean hasNote = noteOf.get(i);
            if (hasNote != null) {
                c9[hasNote ? 0 : 2]++;
                c9[hasNote ? 1 : 3] += reciprocal ? 1 : 0;
            }
        }

        int messaged = 0;
        int initiated = 0;
        for (List<Interaction> xs : byContact) {
            Interaction first = null;
            for (Interaction x : xs) {
                if (x.channel().equals("message") && (first == null || firstOf(x, first))) {
                    first = x;
                }
            }
            if (first != null) {
                messaged++;
                initiated += first.out() ? 1 : 0;
            }
        }
        double recent = windowEnd - RECENT_DAYS * 86_400;
        long inbound = 0;
        for (SynthOwner.Invitation inv : invitations) {
            inbound += !inv.outgoing() && inv.sentAt().getEpochSecond() > recent ? 1 : 0;
        }
        List<Interaction> withNonTies = new ArrayList<>();
        for (Interaction x : all) {
            if (x.contact() >= n) {
                withNonTies.add(x);
            }
        }
        inbound += contactOpened(withNonTies, recent);
        return new OwnerTruth(n, nActive, nRecip, nSustained,
                messaged == 0 ? Double.NaN : (double) initiated / messaged, inbound,
                (windowEnd - windowStart) / 86_400.0, burstDays, burstTies, c3[0], c3[1], c3[2], c3[3], c9[0],
                c9[1], c9[2], c9[3], reactivations, nearWave, all.size(), invitations.size(), windowStart,
                windowEnd, o.plan());
    }

    /**
     * Whether the platform's export dates its ties and lists invitations: X archives do neither (follower.js and
     * following.js have no dates), so there ties start at their first interaction and nothing is a burst.
     */
    static boolean hasConnectionDates(String platform) {
        return !"twitter".equals(platform);
    }

    /** Conversations whose first message came from a contact (per contact when the era has no conversation ids). */
    public static int contactOpenedConversations(MessageView v, String era) {
        SynthOwner o = new SynthOwner(0, 0, "linkedin", era, false, Instant.EPOCH, null, List.of(), 0, List.of(),
                v.conversations(), v.messages(), List.of(), List.of(), null, SynthOwner.Activity.NONE);
        return contactOpened(interactions(o), Double.NEGATIVE_INFINITY);
    }

    /** Conversations whose first message came from a contact, at a time after {@code after} (epoch seconds). */
    private static int contactOpened(List<Interaction> all, double after) {
        Map<Long, Interaction> first = new HashMap<>();
        for (Interaction x : all) {
            if (!x.channel().equals("message")) {
                continue;
            }
            long key = x.conversation() >= 0 ? x.conversation() : -1L - x.contact();
            Interaction f = first.get(key);
            if (f == null || firstOf(x, f)) {
                first.put(key, x);
            }
        }
        int opened = 0;
        for (Interaction x : first.values()) {
            opened += !x.out() && x.at() > after ? 1 : 0;
        }
        return opened;
    }

    /** min(struct(at, direction)): earlier, or as early and inbound ("in" sorts before "out"). */
    private static boolean firstOf(Interaction x, Interaction than) {
        return x.at() < than.at() || x.at() == than.at() && !x.out() && than.out();
    }

    /** The interactions the LinkedIn reader emits for the owner's messages and endorsements. */
    static List<Interaction> interactions(SynthOwner o) {
        boolean ids = !o.era().equals("2018");
        List<Interaction> out = new ArrayList<>(o.messages().size() + o.endorsements().size());
        for (Message m : o.messages()) {
            long at = m.at().getEpochSecond();
            int conversation = ids ? m.conversation() : -1;
            if (m.sender() == SynthOwner.OWNER) {
                for (int c : o.conversations().get(m.conversation()).members()) {
                    out.add(new Interaction(c, at, true, conversation, "message"));
                }
            } else {
                out.add(new Interaction(m.sender(), at, false, conversation, "message"));
            }
        }
        for (SynthOwner.Endorsement e : o.endorsements()) {
            out.add(new Interaction(e.contact(), e.at().getEpochSecond(), !e.received(), -1, "endorsement"));
        }
        return out;
    }
}
