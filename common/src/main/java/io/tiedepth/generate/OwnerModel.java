package io.tiedepth.generate;

import io.tiedepth.generate.SynthOwner.Contact;
import io.tiedepth.generate.SynthOwner.Conversation;
import io.tiedepth.generate.SynthOwner.Endorsement;
import io.tiedepth.generate.SynthOwner.Invitation;
import io.tiedepth.generate.SynthOwner.Message;
import io.tiedepth.generate.SynthOwner.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Samples one owner from the {@link GeneratorParams} and a per-owner seed derived from (seed, owner index), so any
 * owner is generated independently and identically in any task. Pure Java, no I/O.
 *
 * <p>The generative model, in order (each step draws from the owner's own random streams):
 * <ol>
 *   <li><b>Who</b>: platform, era (LinkedIn header era, Facebook folder layout, X archive layout), folder or zip, export date (the era's date minus up to
 *       exportSpreadDays), network size n (log-normal body, Pareto tail, clipped to the LinkedIn cap).</li>
 *   <li><b>When</b>: a tenure (longer for big networks, so that quiet days stay below burstK); connection days drawn
 *       from a density growing towards the export (timeline.growth). Burst days ("yes to all") get minSize..maxSize
 *       ties each; every other day holds at most burstK − 1 ties, so the realised burst days are the planted ones.</li>
 *   <li><b>Owner type</b>: initiative o (P(the owner sends a contact's first message)), spammer or not (C6),
 *       target reciprocal share ρ = baseShare·(n/ref)^−δ·e^(η·z(o))·spam·noise (C7, C5), active budget
 *       A = min(activeAtRef·(n/ref)^β·noise, ceiling·noise) (C1, C2), rounded up or down at random so that E[A] is
 *       exactly that expectation (no floor: with C1 and C2 off, E[n_active | n] ∝ n holds for small networks too).</li>
 *   <li><b>Per tie</b>: an invitation note (noteShare); <i>early contact</i>, i.e. a message within responseDays of
 *       connecting, with P = greetShare × (burst ? RR₃ : 1) (C3); <i>reciprocal</i> with P ∝ (note ? RR₉ : 1),
 *       scaled so the owner's expected share is ρ (C9), as an exact count per note group rounded at random, not a
 *       draw per tie ({@code tieFlags}).</li>
 *   <li><b>Active set</b>: recent ties whose one or two messages would already make them active are "young"; at most
 *       youngShareMax·A of them are kept, the others lose their messages (at random, so the C3 and C9 ratios hold;
 *       dropped reciprocal ties are replaced by older ones, so the reciprocal share holds).
 *       The sustained core takes the rest of A from older ties, reciprocal ones first, and is split into Dunbar-like
 *       layers messaging at layerRates, at least once per year of the tie's life (so it is active): rate × the
 *       tie's age messages (rounded at random, not a Poisson count over the time after its first message), so a core
 *       tie's contact_frequency is its layer's rate and the layers are separable (README "Dunbar circles").</li>
 *   <li><b>Messages</b>: core ties message from their start (within responseDays when early, after it otherwise) to
 *       the export; other early or reciprocal ties get one greeting or one exchange, placed so they stay below one
 *       interaction per year; group threads among reciprocal core ties; endorsements right after a message of a
 *       reciprocal core tie (they change no feature but counts).</li>
 *   <li><b>Waves</b> (C8): in each wave, Poisson(wakePerOwner·n/refSize) dormant older ties that already had their
 *       exchange (or only ever heard from the contact) send one more message within ± waveSpreadDays of the wave
 *       date, after more than dormancyDays of silence: a reactivation that changes no other feature.</li>
 *   <li><b>Invitations</b> (C4): inbound requests in the export's last half year (incoming invitations
 *       there; conversations a non-tie opens would count too, the model has none) number inboundPerMonth·(n/ref)^γ·noise
 *       per month (rounded at random): that many of the ties gained in the window are marked invited by the contact,
 *       pending invitations from strangers make up the rest. Bursts never fall in that window, so C4 has an exact
 *       null; ties listed earlier in the invitation window are invited by the contact with contactInvitedShare
 *       (burst ties always). Plus pending invitations the owner sent, and one on the export day.</li>
 *   <li><b>Within-owner effects</b>, only when switched on, each from its own stream: C11 replaces the messages,
 *       group threads, waves and endorsements by a month-by-month activity ({@code WithinOwnerActivity}); C12 lists
 *       every tie's invitation with a size-dependent direction ({@code everyTieInvited}).</li>
 * </ol>
 */
public final class OwnerModel {
    static final double DAY_S = 86_400.0;
    /** A tie with c messages is active while its age is at most c years; a little slack is kept on that side. */
    private static final double YOUNG_SLACK_DAYS = 2;
    private static final long POOL = -1;
    /** Days before the export between which a recent burst falls ({@link GeneratorParams.Bursts#recentShare}). */
    private static final int RECENT_BURST_FROM = 185;
    private static final int RECENT_BURST_TO = 235;
    private static final long STREAM_STRUCTURE = 1;
    private static final long STREAM_NAMES = 2;
    private static final long STREAM_MESSAGES = 3;
    /** The owner's stream of the within-owner activity (C11), used only when it is planted. */
    static final long STREAM_C11 = 4;
    /** The owner's stream of the invitation directions of C12, used only when it is planted. */
    static final long STREAM_C12 = 5;
    /** C11's AR(1) noise on the monthly activations: autocorrelation and standard deviation. */
    static final double NOISE_RHO = 0.8;
    static final double NOISE_SIGMA = 0.15;
    /** C12: the inbound share of new ties at sizes.refSize ties held. */
    static final double INBOUND_BASE_SHARE = 0.2;
    /** Seconds kept free in a month for an activation's messages (an exchange spans up to an hour). */
    private static final long ACTIVATION_ROOM_S = 7_200;

    private final GeneratorParams p;
    private final long seed;
    private final List<String> platforms;
    private final List<LocalDate> waveDates;

    public OwnerModel(GeneratorParams params, long seed, List<String> platforms) {
        this.p = params;
        this.seed = seed;
        this.platforms = List.copyOf(platforms);
        this.waveDates = params.waves() ? waveDates(params, seed) : List.of();
    }

    public GeneratorParams params() {
        return p;
    }

    public long seed() {
        return seed;
    }

    public List<String> platforms() {
        return platforms;
    }

    /**
     * The wave dates of a run: {@code messages.waveDates} when given, else {@code messages.waveCount} dates drawn
     * from the seed, at least 60 days apart, between 4 years and (exportSpreadDays + 30) days before exportDate.
     */
    public static List<LocalDate> waveDates(GeneratorParams p, long seed) {
        if (!p.messages().waveDates().isEmpty()) {
            return p.messages().waveDates().stream().map(LocalDate::parse).sorted().toList();
        }
        Rand r = Rand.of(seed, POOL, 99);
        LocalDate hi = p.exportDate().minusDays(p.timeline().exportSpreadDays() + 30L);
        LocalDate lo = p.exportDate().minusYears(4);
        long span = ChronoUnit.DAYS.between(lo, hi);
        List<LocalDate> out = new ArrayList<>();
        for (int tries = 0; out.size() < p.messages().waveCount() && tries < 1000; tries++) {
            LocalDate d = lo.plusDays(r.belowLong(span + 1));
            if (out.stream().allMatch(o -> Math.abs(ChronoUnit.DAYS.between(o, d)) >= 60)) {
                out.add(d);
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    public List<LocalDate> waveDates() {
        return waveDates;
    }

    /**
     * The date the exports of a platform's era are made (before the per-owner spread): the newest era of each
     * platform at {@code timeline.exportDate}, older ones on a fixed date inside the era's time.
     */
    public LocalDate eraDate(String platform, String era) {
        if (era.equals(GeneratorParams.eras(platform).get(0))) {
            return p.exportDate();
        }
        return switch (platform + "-" + era) {
            case "linkedin-2022" -> LocalDate.of(2023, 3, 15);
            case "linkedin-2021" -> LocalDate.of(2021, 9, 15);
            case "linkedin-2018" -> LocalDate.of(2018, 11, 4);
            case "facebook-2023" -> LocalDate.of(2024, 1, 15);
            case "facebook-2021" -> LocalDate.of(2022, 6, 15);
            case "facebook-2019" -> LocalDate.of(2020, 3, 15);
            case "facebook-2018" -> LocalDate.of(2018, 10, 15);
            case "twitter-2020" -> LocalDate.of(2021, 6, 15);
            case "twitter-2019" -> LocalDate.of(2019, 10, 15);
            default -> throw new IllegalArgumentException("no export date for era " + platform + "-" + era);
        };
    }

    /** Owner {@code index} of the run. */
    public SynthOwner sample(int index) {
        return new Sampling(index, true).run();
    }

    /**
     * Owner {@code index} without people: every contact is one placeholder person (no names, URLs or e-mails are
     * drawn), everything else — ties, dates, messages, invitations, the plan — equal to {@link #sample}'s, because
     * people are drawn from their own random stream. About ten times faster: what measuring truths on large
     * in-memory populations needs ({@link Generator#measure}); never for writing exports.
     */
    public SynthOwner sampleWithoutPeople(int index) {
        return new Sampling(index, false).run();
    }

    /** The stand-in for every person of {@link #sampleWithoutPeople}. */
    static final Names.Person NOBODY = new Names.Person("", "", Names.URL_PREFIX, null, "", "");

    /** The state of sampling one owner. */
    private final class Sampling {
        private final int index;
        private final Rand r;
        private final Rand rn;
        private final Rand rm;
        private final Set<String> names = new HashSet<>();
        private final Set<String> urls = new HashSet<>();
        private final List<Conversation> conversations = new ArrayList<>();
        private final List<Message> messages = new ArrayList<>();
        private String era;
        private boolean linkedin;
        private Instant exportAt;
        private boolean minutePrecision;
        private double initiative;
        // per tie
        private int n;
        private Instant[] connectedAt;
        private double[] ageDays;
        private boolean[] burst;
        private boolean[] note;
        private boolean[] early;
        private boolean[] recip;
        private int[] layer;
        private Role[] role;
        private int[] conversationOf;
        private Instant[] firstMessage;
        private List<List<Integer>> messagesOf;

        /** Whether people (names, URLs, e-mails) are drawn; they come from their own stream {@link #rn}. */
        private final boolean people;

        Sampling(int index, boolean people) {
            this.index = index;
            this.people = people;
            this.r = Rand.of(seed, index, STREAM_STRUCTURE);
            this.rn = Rand.of(seed, index, STREAM_NAMES);
            this.rm = Rand.of(seed, index, STREAM_MESSAGES);
        }

        SynthOwner run() {
            String platform = pickPlatform();
            linkedin = "linkedin".equals(platform);
            era = pickEra(platform);
            minutePrecision = linkedin && era.equals("2018");
            boolean zipped = r.chance(p.format().zipShare());
            LocalDate exportDate = eraDate(platform, era).minusDays(r.between(0, p.timeline().exportSpreadDays()));
            exportAt = exportDate.atTime(18, 0).toInstant(ZoneOffset.UTC);
            n = networkSize();

            List<Integer> burstSizes = burstSizes();
            int k = p.features().burstK();
            int quiet = n - burstSizes.stream().mapToInt(Integer::intValue).sum();
            double years = r.uniform(p.timeline().tenureMinYears(), p.timeline().tenureMaxYears());
            double needed = quiet / (0.6 * (k - 1) * 365.25);
            LocalDate start = exportDate.minusDays((long) (Math.max(years, needed) * 365.25));
            if (start.isBefore(p.earliestDate())) {
                start = p.earliestDate();
            }
            int days = (int) ChronoUnit.DAYS.between(start, exportDate) + 1;
            int[] tieDay = connectionDays(burstSizes, quiet, days, k);
            int plantedBurstDays = (int) burstSizes.stream().filter(s -> s > 0).count();
            int plantedBurstTies = 0;
            for (boolean b : burst) {
                plantedBurstTies += b ? 1 : 0;
            }

            connectedAt = new Instant[n];
            ageDays = new double[n];
            for (int i = 0; i < n; i++) {
                Instant at = start.plusDays(tieDay[i]).atStartOfDay(ZoneOffset.UTC).toInstant();
                if (minutePrecision) {
                    at = at.plusSeconds(60L * r.between(8 * 60, 22 * 60));
                } else if (!linkedin) {
                    at = at.plusSeconds(r.between(8 * 3600, 22 * 3600));
                }
                connectedAt[i] = at;
                ageDays[i] = (exportAt.getEpochSecond() - at.getEpochSecond()) / DAY_S;
            }
            Names.Person owner = people ? Names.person(rn, Rand.mix(seed, index, 1L << 40), false) : NOBODY;
            names.add(norm(owner.fullName()));
            urls.add(owner.url());
            List<Names.Person> people = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                people.add(contactPerson(i));
            }
            List<Instant> hidden = new ArrayList<>();
            int nHidden = linkedin ? r.poisson(n * p.format().hiddenProfileShare()) : 0;
            for (int h = 0; h < nHidden; h++) {
                int d = Math.min(days - 1, (int) (days * Math.pow(r.uniform(), 1 / p.timeline().growth())));
                hidden.add(start.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            hidden.sort(Comparator.reverseOrder());

            initiative = clamp(p.reciprocity().initiativeMean() + p.reciprocity().initiativeSd() * r.normal(),
                    0.05, 0.95);
            double z = p.reciprocity().initiativeSd() > 0
                    ? (initiative - p.reciprocity().initiativeMean()) / p.reciprocity().initiativeSd() : 0;
            boolean spammer = r.chance(n >= GeneratorParams.MEGA ? p.megaSpamShare() : p.baseSpamShare());
            double ref = p.sizes().refSize();
            double rho = clamp(p.reciprocity().baseShare() * Math.pow(n / ref, -p.reciprocityDecline())
                    * Math.exp(p.effortStrength() * z) * (spammer ? p.reciprocity().spamFactor() : 1.0)
                    * Math.exp(p.reciprocity().noiseSigma() * r.normal()), 0, 0.95);
            double wanted = p.activity().activeAtRef() * Math.pow(n / ref, p.activeElasticity())
                    * Math.exp(p.activity().noiseSigma() * r.normal());
            double ceiling = p.ceiling() * Math.exp(p.activity().ceilingSigma() * r.normal());
            double expected = Math.min(wanted, ceiling);
            if (p.activity().maxActiveShare() < 1) {
                expected = Math.min(expected, p.activity().maxActiveShare() * n);
            }
            int active = Math.min(n, r.roundAtRandom(expected));

            tieFlags(rho);
            int[] young = youngAndDropped(active);
            int coreSize = core(Math.max(0, active - young[0]));

            messagesOf = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                messagesOf.add(new ArrayList<>(0));
            }
            conversationOf = new int[n];
            Arrays.fill(conversationOf, -1);
            firstMessage = new Instant[n];
            boolean within = p.plantsWithinOwnerReturns() && OwnerTruth.hasConnectionDates(platform);
            SynthOwner.Activity activity = within ? new WithinOwnerActivity(active).run() : SynthOwner.Activity.NONE;
            if (!within) {
                baseMessages();
            }
            int wakes = within ? 0 : waves();
            List<Endorsement> endorsements = within || !linkedin || era.equals("2018") ? List.of() : endorsements();

            List<Contact> contacts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                contacts.add(new Contact(people.get(i), connectedAt[i], burst[i], layer[i], role[i]));
            }
            double[] inbound = new double[1];
            List<Invitation> invitations = invitations(contacts, inbound);
            messages.sort(Comparator.comparing(Message::at).thenComparingInt(Message::conversation)
                    .thenComparingInt(Message::sender));
            SynthOwner.Plan plan = new SynthOwner.Plan(active, young[0], young[1], coreSize, rho, initiative,
                    spammer, plantedBurstDays, plantedBurstTies, wakes, inbound[0],
                    ChronoUnit.DAYS.between(start, exportDate));
            return new SynthOwner(index, seed, platform, era, zipped, exportAt, owner, List.copyOf(contacts), n,
                    List.copyOf(hidden), List.copyOf(conversations), List.copyOf(messages),
                    List.copyOf(invitations), endorsements, plan, activity);
        }

        /** The base model's messages: the core's, the few of young and sporadic ties, and group threads. */
        private void baseMessages() {
            for (int i = 0; i < n; i++) {
                if (role[i] == Role.CORE) {
                    coreMessages(i);
                } else if (role[i] == Role.YOUNG || role[i] == Role.SPORADIC) {
                    fewMessages(i);
                }
            }
            groupThreads();
        }

        // ---- who ----

        private String pickPlatform() {
            if (platforms.size() == 1) {
                return platforms.get(0);
            }
            Map<String, Double> shares = p.format().platformShares();
            double[] w = new double[platforms.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = shares.isEmpty() ? 1.0 : shares.getOrDefault(platforms.get(i), 0.0);
            }
            return platforms.get(weighted(w));
        }

        private String pickEra(String platform) {
            List<String> eras = GeneratorParams.eras(platform);
            double[] w = new double[eras.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = p.format().eras(platform).getOrDefault(eras.get(i), 0.0);
            }
            return eras.get(weighted(w));
        }

        private int weighted(double[] w) {
            double total = Arrays.stream(w).sum();
            double u = r.uniform() * total;
            for (int i = 0; i < w.length; i++) {
                u -= w[i];
                if (u < 0) {
                    return i;
                }
            }
            for (int i = w.length - 1; i >= 0; i--) {
                if (w[i] > 0) {
                    return i;
                }
            }
            return 0;
        }

        private int networkSize() {
            GeneratorParams.Sizes s = p.sizes();
            double x = r.chance(s.tailShare())
                    ? s.tailMin() * Math.pow(1 - r.uniform(), -1 / s.tailAlpha())
                    : r.logNormal(s.median(), s.sigma());
            return (int) clamp(Math.round(x), s.min(), s.cap());
        }

        // ---- when ----

        private List<Integer> burstSizes() {
            GeneratorParams.Bursts b = p.bursts();
            List<Integer> sizes = new ArrayList<>();
            if (!b.enabled() || !r.chance(b.ownerShare())) {
                return sizes;
            }
            int total = (int) Math.min(n, Math.round(n * b.tieShare() * r.uniform(0.5, 1.5)));
            if (total < b.minSize()) {
                total = n >= 3 * b.minSize() ? b.minSize() : 0;
            }
            while (total >= b.minSize()) {
                int s = Math.min(total, r.between(b.minSize(), b.maxSize()));
                if (total - s < b.minSize()) {
                    s = total;
                }
                sizes.add(s);
                total -= s;
            }
            return sizes;
        }

        /** Connection day (0..days−1) of each tie, sorted ascending; fills {@link #burst}. */
        private int[] connectionDays(List<Integer> burstSizes, int quiet, int days, int k) {
            double g = p.timeline().growth();
            boolean[] burstDay = new boolean[days];
            int[] count = new int[days];
            List<int[]> ties = new ArrayList<>(n);
            int lastAllowed = days - 1 - (int) Math.ceil(OwnerTruth.RECENT_DAYS);
            boolean recentFirst = r.chance(p.bursts().recentShare());
            for (int b = 0; b < burstSizes.size(); b++) {
                int s = burstSizes.get(b);
                int d = -1;
                if (recentFirst && b == 0) {
                    int c = days - 1 - r.between(RECENT_BURST_FROM, RECENT_BURST_TO);
                    d = c >= Math.min(30, days / 4) && !burstDay[c] ? c : -1;
                }
                for (int tries = 0; tries < 200 && d < 0; tries++) {
                    int c = Math.min(days - 2, (int) (days * Math.pow(r.uniform(), 1 / g)));
                    if (c >= Math.min(30, days / 4) && c <= lastAllowed && !burstDay[c]) {
                        d = c;
                    }
                }
                if (d < 0) {
                    quiet += s;
                    continue;
                }
                burstDay[d] = true;
                for (int j = 0; j < s; j++) {
                    ties.add(new int[] {d, 1});
                }
            }
            for (int j = 0; j < quiet; j++) {
                int want = Math.min(days - 1, (int) (days * Math.pow(r.uniform(), 1 / g)));
                int d = place(want, burstDay, count, k - 1);
                count[d]++;
                ties.add(new int[] {d, 0});
            }
            ties.sort(Comparator.comparingInt(t -> t[0]));
            int[] out = new int[ties.size()];
            burst = new boolean[ties.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ties.get(i)[0];
                burst[i] = ties.get(i)[1] == 1;
            }
            return out;
        }

        /** The nearest day to {@code want} that is not a burst day and has room; {@code want} when none has. */
        private int place(int want, boolean[] burstDay, int[] count, int room) {
            int days = count.length;
            for (int off = 0; off < days; off++) {
                int a = want - off;
                int b = want + off;
                if (a >= 0 && !burstDay[a] && count[a] < room) {
                    return a;
                }
                if (b < days && !burstDay[b] && count[b] < room) {
                    return b;
                }
                if (a < 0 && b >= days) {
                    break;
                }
            }
            for (int off = 0; off < days; off++) {
                if (want - off >= 0 && !burstDay[want - off]) {
                    return want - off;
                }
                if (want + off < days && !burstDay[want + off]) {
                    return want + off;
                }
            }
            return want;
        }

        private Names.Person contactPerson(int i) {
            if (r.chance(p.format().sharedContactShare())) {
                int j = r.below(p.format().sharedPoolSize());
                Rand pool = Rand.of(seed, POOL, j);
                if (!people) {
                    return NOBODY;
                }
                Names.Person shared = Names.person(pool, Rand.mix(seed, POOL, (1L << 41) + j),
                        pool.chance(p.format().emailShare()));
                if (!urls.contains(shared.url()) && names.add(norm(shared.fullName()))) {
                    urls.add(shared.url());
                    return shared;
                }
            }
            return newPerson((1L << 32) + i);
        }

        private Names.Person newPerson(long stream) {
            if (!people) {
                return NOBODY;
            }
            Names.Person person = Names.person(rn, Rand.mix(seed, index, stream), rn.chance(p.format().emailShare()));
            while (!names.add(norm(person.fullName()))) {
                person = Names.disambiguate(person, rn);
            }
            urls.add(person.url());
            return person;
        }

        // ---- per tie ----

        /**
         * Notes, early contacts and the reciprocal ties. Reciprocity has probability pNote for a tie invited with a
         * note and pNo = pNote/RR₉ otherwise, scaled so the owner's expected share is ρ (C9, C7); but instead of a
         * draw per tie, each group (note, no note) gets exactly p·(its ties) reciprocal ties, rounded up or down at
         * random, chosen at random among its ties at least a day old. A draw per tie (binomial) gives small networks
         * a spread of shares, and a mass at 0, that large ones do not have: Spearman's ρ(n_ties, reciprocal_share)
         * was then positive with the share flat in n (C7's null world read 0.02–0.03). Rounding keeps the spread
         * below 2/n.
         */
        private void tieFlags(double rho) {
            note = new boolean[n];
            early = new boolean[n];
            recip = new boolean[n];
            int notes = 0;
            for (int i = 0; i < n; i++) {
                note[i] = r.chance(p.invitations().noteShare());
                notes += note[i] ? 1 : 0;
            }
            double q = p.activity().greetShare();
            for (int i = 0; i < n; i++) {
                early[i] = ageDays[i] >= 1.0 && r.chance(q * (burst[i] ? p.burstRiskRatio() : 1.0));
            }
            double rr9 = p.noteRiskRatio();
            double pNo = rho * n / ((n - notes) + rr9 * notes);
            makeReciprocal(true, notes, Math.min(0.95, rr9 * pNo));
            makeReciprocal(false, n - notes, Math.min(0.95, pNo));
        }

        /** Marks {@code share}·{@code size} (rounded at random) of the ties with or without a note reciprocal. */
        private void makeReciprocal(boolean withNote, int size, double share) {
            List<Integer> eligible = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (note[i] == withNote && ageDays[i] >= 1.0) {
                    eligible.add(i);
                }
            }
            int count = r.roundAtRandom(share * size);
            int[] order = shuffled(eligible);
            for (int j = 0; j < Math.min(count, order.length); j++) {
                recip[order[j]] = true;
            }
        }

        /** Marks young acquaintances, drops those beyond the budget; returns {kept, dropped}. */
        private int[] youngAndDropped(int active) {
            role = new Role[n];
            layer = new int[n];
            Arrays.fill(role, Role.SILENT);
            List<Integer> young = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int c = recip[i] ? 2 : early[i] ? 1 : 0;
                if (c > 0 && ageDays[i] < 365.25 * c + YOUNG_SLACK_DAYS) {
                    young.add(i);
                } else if (c > 0) {
                    role[i] = Role.SPORADIC;
                }
            }
            int[] order = shuffled(young);
            int cap = (int) Math.floor(p.activity().youngShareMax() * active);
            int kept = 0;
            int dropped = 0;
            int droppedReciprocal = 0;
            for (int i : order) {
                if (kept < cap) {
                    role[i] = Role.YOUNG;
                    kept++;
                } else {
                    droppedReciprocal += recip[i] ? 1 : 0;
                    early[i] = false;
                    recip[i] = false;
                    dropped++;
                }
            }
            replaceReciprocal(droppedReciprocal);
            return new int[] {kept, dropped};
        }

        /**
         * Makes {@code k} older ties reciprocal (one exchange, later than responseDays unless already greeted), so
         * that dropping young reciprocal ties does not lower the owner's reciprocal share: big, fast-growing networks
         * drop most. Their notes are outside the Invitations.csv window, so the C9 ratio is unchanged.
         */
        private void replaceReciprocal(int k) {
            if (k == 0) {
                return;
            }
            List<Integer> old = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!recip[i] && role[i] != Role.YOUNG && ageDays[i] >= 2 * 365.25 + YOUNG_SLACK_DAYS) {
                    old.add(i);
                }
            }
            int[] order = shuffled(old);
            for (int j = 0; j < Math.min(k, order.length); j++) {
                recip[order[j]] = true;
                role[order[j]] = Role.SPORADIC;
            }
        }

        /** Picks the sustained core (reciprocal older ties first) and its layers; returns its size. */
        private int core(int size) {
            List<Integer> g1 = new ArrayList<>();
            List<Integer> g2 = new ArrayList<>();
            List<Integer> g3 = new ArrayList<>();
            double late = p.features().responseDays() + 20;
            for (int i = 0; i < n; i++) {
                if (role[i] == Role.YOUNG) {
                    continue;
                }
                if (recip[i]) {
                    g1.add(i);
                } else if (early[i]) {
                    g2.add(i);
                } else if (ageDays[i] >= late) {
                    g3.add(i);
                }
            }
            List<Integer> core = new ArrayList<>();
            for (List<Integer> g : List.of(g1, g2, g3)) {
                for (int i : shuffled(g)) {
                    if (core.size() < size) {
                        core.add(i);
                    }
                }
            }
            int[] order = shuffled(core);
            List<Integer> sizes = p.activity().layerSizes();
            double full = sizes.get(sizes.size() - 1);
            int from = 0;
            for (int l = 0; l < sizes.size(); l++) {
                int to = l == sizes.size() - 1 ? order.length
                        : Math.min(order.length, (int) Math.ceil(sizes.get(l) / full * order.length));
                for (int j = from; j < to; j++) {
                    layer[order[j]] = l + 1;
                    role[order[j]] = Role.CORE;
                }
                from = Math.max(from, to);
            }
            return order.length;
        }

        // ---- messages ----

        private void coreMessages(int i) {
            double age = ageDays[i];
            double offset = early[i]
                    ? rm.uniform(1, Math.min(p.features().responseDays() - 1, age - 0.01))
                    : rm.uniform(p.features().responseDays() + 1, Math.min(540, age - 1));
            Instant s = plusDays(connectedAt[i], offset);
            double spanDays = (exportAt.getEpochSecond() - s.getEpochSecond()) / DAY_S;
            double rate = p.activity().layerRates().get(layer[i] - 1);
            int atLeast = (int) Math.floor(Math.max(30, age) / 365.25) + 1;
            int count = rm.roundAtRandom(rate * age / 365.25);
            int m = Math.max(Math.max(count, atLeast), recip[i] ? 2 : 1);
            m = Math.min(m, 5000);
            Instant[] times = new Instant[m];
            times[0] = s;
            for (int j = 1; j < m; j++) {
                times[j] = plusDays(s, rm.uniform() * spanDays);
            }
            Arrays.sort(times);
            boolean[] out = new boolean[m];
            out[0] = rm.chance(initiative);
            boolean both = false;
            for (int j = 1; j < m; j++) {
                out[j] = recip[i] ? rm.chance(0.5) : out[0];
                both |= out[j] != out[0];
            }
            if (recip[i] && !both) {
                out[m - 1] = !out[0];
            }
            for (int j = 0; j < m; j++) {
                addMessage(i, times[j], out[j]);
            }
        }

        /** One greeting (early), one exchange (reciprocal), or both at once. */
        private void fewMessages(int i) {
            double age = ageDays[i];
            int respond = p.features().responseDays();
            boolean first = rm.chance(initiative);
            if (early[i]) {
                double t1 = rm.uniform(1, Math.min(respond - 10, age - 0.02));
                addMessage(i, plusDays(connectedAt[i], t1), first);
                if (recip[i]) {
                    double gap = rm.uniform(0.01, Math.min(7, age - t1 - 0.01));
                    addMessage(i, plusDays(connectedAt[i], t1 + gap), !first);
                }
                return;
            }
            double t1;
            if (age > respond + 20) {
                t1 = rm.uniform(respond + 1, age - 0.5);
            } else if (age < respond) {
                t1 = rm.uniform(Math.min(1, age * 0.5), age * 0.9);
            } else {
                t1 = rm.uniform(respond + 0.05, Math.max(respond + 0.06, age - 0.05));
            }
            double gap = rm.uniform(0.005, Math.max(0.006, Math.min(14, (age - t1) * 0.9)));
            addMessage(i, plusDays(connectedAt[i], t1), first);
            addMessage(i, plusDays(connectedAt[i], t1 + gap), !first);
        }

        private void addMessage(int i, Instant at, boolean fromOwner) {
            if (conversationOf[i] < 0) {
                conversationOf[i] = newConversation("", new int[] {i});
            }
            Instant t = cap(at);
            messagesOf.get(i).add(messages.size());
            messages.add(new Message(conversationOf[i], t, fromOwner ? SynthOwner.OWNER : i, words(),
                    rm.chance(p.messages().multilineShare())));
            if (firstMessage[i] == null || t.isBefore(firstMessage[i])) {
                firstMessage[i] = t;
            }
        }

        private int newConversation(String title, int[] members) {
            conversations.add(new Conversation(Names.conversationId(rm.bits(), rm.bits()), title, members));
            return conversations.size() - 1;
        }

        private int words() {
            GeneratorParams.Messages m = p.messages();
            return (int) clamp(Math.round(rm.logNormal(m.wordsMedian(), m.wordsSigma())), 1, m.maxWords());
        }

        private void groupThreads() {
            List<Integer> pool = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (role[i] == Role.CORE && recip[i]) {
                    pool.add(i);
                }
            }
            int groups = rm.poisson(p.messages().groupThreadsMean());
            for (int g = 0; g < groups && pool.size() >= 2; g++) {
                int[] order = shuffledWith(rm, pool);
                int size = rm.between(2, Math.min(p.messages().groupMaxMembers(), order.length));
                int[] members = Arrays.copyOf(order, size);
                Arrays.sort(members);
                Instant start = firstMessage[members[0]];
                for (int mIdx : members) {
                    start = firstMessage[mIdx].isAfter(start) ? firstMessage[mIdx] : start;
                }
                start = start.plusSeconds(86_400);
                double spanDays = (exportAt.getEpochSecond() - start.getEpochSecond()) / DAY_S;
                if (spanDays < 2) {
                    continue;
                }
                int c = newConversation(Names.MARKER + " " + Names.text(rm, 2, 0).replace(".", "") + " group",
                        members);
                int count = rm.between(3, p.messages().groupMaxMessages());
                for (int j = 0; j < count; j++) {
                    Instant at = cap(plusDays(start, rm.uniform() * spanDays));
                    int sender = rm.chance(0.4) ? SynthOwner.OWNER : members[rm.below(members.length)];
                    messages.add(new Message(c, at, sender, words(), rm.chance(p.messages().multilineShare())));
                }
            }
        }

        /**
         * Wake-up messages around the wave dates; returns how many. The woken ties are dormant older ties that
         * already had their exchange, or whose only messages came from the contact: one more inbound message in
         * their existing conversation after more than dormancyDays of silence is a reactivation, and changes neither
         * reciprocity, nor who opened the conversation, nor activity (the tie stays below one message per year).
         */
        private int waves() {
            if (waveDates.isEmpty()) {
                return 0;
            }
            int spread = p.messages().waveSpreadDays();
            long quiet = Math.max(p.features().dormancyDays(), p.features().responseDays()) + spread + 1L;
            int woken = 0;
            for (LocalDate w : waveDates) {
                Instant wave = w.atTime(12, 0).toInstant(ZoneOffset.UTC);
                if (!wave.plusSeconds(86_400L * (spread + 1)).isBefore(exportAt)) {
                    continue;
                }
                Instant silentSince = wave.minusSeconds(86_400L * quiet);
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (role[i] == Role.SPORADIC && wakeable(i, silentSince)) {
                        candidates.add(i);
                    }
                }
                double lambda = p.messages().wakePerOwner() * n / p.sizes().refSize();
                int k = Math.min(candidates.size(), rm.poisson(lambda));
                int[] order = shuffledWith(rm, candidates);
                for (int j = 0; j < k; j++) {
                    int i = order[j];
                    role[i] = Role.WOKEN;
                    addMessage(i, plusDays(wave, rm.uniform(-spread, spread)), false);
                    woken++;
                }
            }
            return woken;
        }

        private boolean wakeable(int i, Instant silentSince) {
            List<Integer> mine = messagesOf.get(i);
            if (mine.isEmpty() || ageDays[i] < 365.25 * (mine.size() + 1) + YOUNG_SLACK_DAYS) {
                return false;
            }
            boolean anyOut = false;
            for (int m : mine) {
                Message x = messages.get(m);
                if (x.at().isAfter(silentSince)) {
                    return false;
                }
                anyOut |= x.sender() == SynthOwner.OWNER;
            }
            return recip[i] || !anyOut;
        }

        private List<Endorsement> endorsements() {
            List<Endorsement> out = new ArrayList<>();
            double share = p.messages().endorsementShare();
            for (int i = 0; i < n; i++) {
                if (role[i] != Role.CORE || !recip[i]) {
                    continue;
                }
                for (boolean received : new boolean[] {true, false}) {
                    if (!rm.chance(received ? share : share / 2)) {
                        continue;
                    }
                    List<Integer> mine = new ArrayList<>();
                    for (int m : messagesOf.get(i)) {
                        if ((messages.get(m).sender() == SynthOwner.OWNER) != received) {
                            mine.add(m);
                        }
                    }
                    if (mine.isEmpty()) {
                        continue;
                    }
                    Instant at = messages.get(mine.get(rm.below(mine.size()))).at();
                    int skills = rm.between(1, 3);
                    for (int s = 0; s < skills; s++) {
                        Instant t = at.plusSeconds(60L + 7L * s);
                        if (!t.isAfter(exportAt)) {
                            out.add(new Endorsement(i, received, t, Names.skill(rm)));
                        }
                    }
                }
            }
            out.sort(Comparator.comparing(Endorsement::at).thenComparingInt(Endorsement::contact));
            return List.copyOf(out);
        }

        // ---- invitations ----

        private List<Invitation> invitations(List<Contact> contacts, double[] inboundTarget) {
            long windowStart = exportAt.getEpochSecond() - 86_400L * p.invitations().windowDays();
            Instant[] sent = new Instant[n];
            for (int i = 0; i < n; i++) {
                double before = burst[i] ? r.uniform(0, p.bursts().backlogDays() + 1)
                        : Math.min(30, r.exponential(3));
                Instant day = burst[i] ? connectedAt[i].truncatedTo(ChronoUnit.DAYS) : connectedAt[i];
                Instant at = minute(plusDays(day, -before));
                if (burst[i]) {
                    at = at.plusSeconds(60L * r.between(0, 23 * 60));
                }
                sent[i] = at.isAfter(exportAt) ? exportAt : at;
            }
            List<Integer> listed = new ArrayList<>();
            List<Integer> requestWindow = new ArrayList<>();
            double recentFrom = exportAt.getEpochSecond() - OwnerTruth.RECENT_DAYS * DAY_S;
            for (int i = 0; i < n && linkedin; i++) {
                if (sent[i].getEpochSecond() >= windowStart) {
                    listed.add(i);
                    if (sent[i].getEpochSecond() > recentFrom) {
                        requestWindow.add(i);
                    }
                }
            }
            double rate = p.invitations().inboundPerMonth() * Math.pow(n / p.sizes().refSize(), p.inboundElasticity())
                    * Math.exp(p.invitations().inboundSigma() * r.normal());
            double target = rate * OwnerTruth.RECENT_DAYS / 30.4375;
            inboundTarget[0] = target;
            int requests = r.roundAtRandom(target);
            Set<Integer> invitedByContact = new HashSet<>();
            int[] order = shuffled(requestWindow);
            for (int j = 0; j < Math.min(requests, order.length); j++) {
                invitedByContact.add(order[j]);
            }
            double share = p.invitations().contactInvitedShare();
            List<Invitation> out = new ArrayList<>();
            for (int i : listed) {
                boolean inWindow = sent[i].getEpochSecond() > recentFrom;
                boolean in = burst[i] || (inWindow ? invitedByContact.contains(i) : r.chance(share));
                out.add(new Invitation(i, !in, sent[i], note[i] ? r.between(5, 40) : 0));
            }
            if (p.plantsAcceptingGrowth() && linkedin) {
                out = everyTieInvited(out, sent);
            }
            int pendingIn = Math.max(0, requests - invitedByContact.size());
            int pendingOut = r.poisson(p.invitations().pendingOutgoingPerMonth() * p.invitations().windowDays()
                    / 30.4375);
            List<Contact> strangers = new ArrayList<>();
            for (int j = 0; j < pendingIn + pendingOut + 1; j++) {
                int c = contacts.size() + strangers.size();
                strangers.add(new Contact(newPerson((1L << 33) + j), null, false, 0, Role.STRANGER));
                double window = j < pendingIn ? OwnerTruth.RECENT_DAYS - 1 : p.invitations().windowDays();
                Instant at = j == pendingIn + pendingOut ? exportAt
                        : minute(plusDays(exportAt, -r.uniform(0, window)));
                boolean outgoing = j >= pendingIn;
                int words = linkedin && j < pendingIn + pendingOut && r.chance(p.invitations().noteShare())
                        ? r.between(5, 40) : 0;
                out.add(new Invitation(c, outgoing, at, words));
            }
            contacts.addAll(strangers);
            out.sort(Comparator.comparing(Invitation::sentAt).thenComparingInt(Invitation::contact));
            return out;
        }

        /**
         * C12 planted in Invitations.csv: every tie's invitation is listed (an archive kept since the account
         * began), from the contact (the owner accepted) with probability
         * min(1, {@value #INBOUND_BASE_SHARE}·(held before / sizes.refSize)^γ), held before = the ties gained in the
         * calendar months before the tie's month (UTC). An invitation of the base model keeps its time and note;
         * the others are sent when the base model sends them, with a note when the tie has one. Draws from the
         * owner's stream {@link #STREAM_C12} only, so nothing else of the owner moves.
         */
        private List<Invitation> everyTieInvited(List<Invitation> listed, Instant[] sent) {
            Rand rc = Rand.of(seed, index, STREAM_C12);
            Map<Integer, Invitation> byTie = new HashMap<>();
            for (Invitation v : listed) {
                byTie.put(v.contact(), v);
            }
            double gamma = p.inboundShareElasticity();
            List<Invitation> out = new ArrayList<>(n);
            int heldBefore = 0;
            for (int i = 0; i < n; i++) {
                if (i > 0 && !month(connectedAt[i]).equals(month(connectedAt[i - 1]))) {
                    heldBefore = i;
                }
                double share = Math.min(1, INBOUND_BASE_SHARE
                        * Math.pow(Math.max(1, heldBefore) / p.sizes().refSize(), gamma));
                boolean inbound = rc.chance(share);
                Invitation base = byTie.get(i);
                int words = base != null ? base.noteWords() : note[i] ? rc.between(5, 40) : 0;
                out.add(new Invitation(i, !inbound, base != null ? base.sentAt() : sent[i], words));
            }
            return out;
        }

        /**
         * C11 planted in the messages ({@link GeneratorParams.Effects#c11WithinOwnerReturns}), instead of the base
         * model's messages, group threads, waves and endorsements. The ties are activated month by month
         * ({@link SynthOwner.Activity}) so that the expected number of ties active in the 12 months ending with
         * month t is target_t = min(held_t, A·(held_t / n)^β), A the owner's active budget (planned n_active):
         * month t's activations have mean λ_t·e^(u_t − σ²/2), with λ_t = target_t − target_{t−1} + λ_{t−12} (so
         * the λ of any 12 consecutive months sum to target_t; never negative, as target_t does not decrease) and
         * u_t a stationary AR(1) (ρ {@value #NOISE_RHO}, σ {@value #NOISE_SIGMA}). Each eligible tie (held, not
         * activated in the 11 months before, with room for the messages after connecting and before the export) is
         * activated with probability min(1, mean / eligible ties): a binomial count whose mean is exactly the mean
         * whenever the eligible ties can host it (a Poisson count cut at the eligible ties lost relatively more at
         * small counts, in an owner's first months, and made the β = 1 world read 1.011). An activation is one message (from the owner
         * with probability the owner's initiative), or an exchange for a reciprocal tie. Draws from the owner's
         * stream {@link #STREAM_C11} (the messages' words from the message stream).
         */
        private final class WithinOwnerActivity {
            private final Rand rc = Rand.of(seed, index, STREAM_C11);
            private final int budget;
            private final YearMonth first;
            private final int[] monthOf;
            private final long[] held;
            /** Epoch seconds at which month k begins, k = 0..months (the last: the month after the export's). */
            private final long[] starts;

            WithinOwnerActivity(int budget) {
                this.budget = budget;
                first = month(connectedAt[0]);
                held = new long[(int) first.until(month(exportAt), ChronoUnit.MONTHS) + 1];
                monthOf = new int[n];
                for (int i = 0; i < n; i++) {
                    monthOf[i] = (int) first.until(month(connectedAt[i]), ChronoUnit.MONTHS);
                    held[monthOf[i]]++;
                }
                for (int k = 1; k < held.length; k++) {
                    held[k] += held[k - 1];
                }
                starts = new long[held.length + 1];
                for (int k = 0; k < starts.length; k++) {
                    starts[k] = first.plusMonths(k).atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                }
            }

            SynthOwner.Activity run() {
                double[] mean = activationMeans(held, budget, p.withinOwnerElasticity());
                int[] last = new int[n];
                Arrays.fill(last, Integer.MIN_VALUE / 2);
                double u = NOISE_SIGMA * rc.normal();
                double innovation = NOISE_SIGMA * Math.sqrt(1 - NOISE_RHO * NOISE_RHO);
                List<Integer> activated = new ArrayList<>(held.length);
                for (int k = 0; k < held.length; k++) {
                    u = NOISE_RHO * u + innovation * rc.normal();
                    List<Integer> eligible = new ArrayList<>();
                    for (int i = 0; i < n && monthOf[i] <= k; i++) {
                        if (k - last[i] >= io.tiedepth.panels.OwnerPanels.ACTIVE_WINDOW_MONTHS && to(k) - from(i, k)
                                >= ACTIVATION_ROOM_S) {
                            eligible.add(i);
                        }
                    }
                    double lambda = mean[k] * Math.exp(u - NOISE_SIGMA * NOISE_SIGMA / 2);
                    double share = eligible.isEmpty() ? 0 : Math.min(1, lambda / eligible.size());
                    int m = 0;
                    for (int i : eligible) {
                        if (rc.chance(share)) {
                            last[i] = k;
                            activate(i, k);
                            m++;
                        }
                    }
                    activated.add(m);
                }
                return new SynthOwner.Activity(first, List.copyOf(activated));
            }

            /** The earliest epoch second of month k at which tie i's messages may fall (after it connected). */
            private long from(int i, int k) {
                return Math.max(starts[k], connectedAt[i].getEpochSecond() + 60);
            }

            /** The last epoch second of month k at which messages may fall (before the export). */
            private long to(int k) {
                return Math.min(starts[k + 1], exportAt.getEpochSecond() - 60) - 1;
            }

            private void activate(int i, int k) {
                long from = from(i, k);
                long latest = to(k) - ACTIVATION_ROOM_S;
                Instant at = Instant.ofEpochSecond(from + rc.belowLong(latest - from + 1));
                boolean fromOwner = rc.chance(initiative);
                addMessage(i, at, fromOwner);
                if (recip[i]) {
                    addMessage(i, at.plusSeconds(rc.between(60, 3_600)), !fromOwner);
                }
            }
        }

        // ---- helpers ----

        private Instant plusDays(Instant t, double days) {
            return t.plusSeconds(Math.round(days * DAY_S));
        }

        /** No later than the export, at the era's precision. */
        private Instant cap(Instant t) {
            Instant c = t.isAfter(exportAt) ? exportAt.minusSeconds(60) : t;
            return minutePrecision ? minute(c) : c;
        }

        private int[] shuffled(List<Integer> items) {
            return shuffledWith(r, items);
        }
    }

    /**
     * C11's mean activations per month: λ_t = target_t − target_{t−1} + λ_{t−12}, target_t = min(held_t,
     * budget·(held_t / held_T)^β), held_T the ties held in the last month; the λ of the 12 months ending with any
     * month t sum to target_t (fewer months at the start, when no tie was held before).
     */
    static double[] activationMeans(long[] held, double budget, double beta) {
        int window = io.tiedepth.panels.OwnerPanels.ACTIVE_WINDOW_MONTHS;
        double total = held[held.length - 1];
        double[] out = new double[held.length];
        double before = 0;
        for (int t = 0; t < held.length; t++) {
            double target = Math.min(held[t], budget * Math.pow(held[t] / total, beta));
            out[t] = target - before + (t >= window ? out[t - window] : 0);
            before = target;
        }
        return out;
    }

    static YearMonth month(Instant t) {
        return YearMonth.from(t.atZone(ZoneOffset.UTC));
    }

    static int[] shuffledWith(Rand r, List<Integer> items) {
        int[] a = items.stream().mapToInt(Integer::intValue).toArray();
        r.shuffle(a);
        return a;
    }

    static Instant minute(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String norm(String name) {
        return io.tiedepth.pseudo.PersonKeys.normaliseName(name);
    }
}
