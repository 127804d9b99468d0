package io.tiedepth.generate;

import java.util.List;
import java.util.Locale;

/**
 * Fictional people and text. Names are built from syllables and every last name ends in {@code -Synth}, so a
 * generated person can never be mistaken for a real one; profile URLs are {@code
 * https://www.linkedin.com/in/synth-<12 hex>}, e-mails end in {@code @example.invalid}, companies start with
 * {@code Synth}. Message and note texts are made of syllable words.
 */
public final class Names {
    public static final String MARKER = "Synth";
    public static final String URL_PREFIX = "https://www.linkedin.com/in/synth-";
    private static final List<String> SYLLABLES = List.of("ka", "lo", "mi", "ren", "ta", "vo", "zel", "qui", "sa",
            "dor", "fen", "ix", "ul", "bra", "nox", "pe", "thi", "mar", "ose", "lin", "gar", "eth", "ru", "syl",
            "val", "ko", "ne", "ba", "dri", "um", "tor", "ani", "cel", "jo", "wen", "ly", "ha", "rik", "so", "em");
    private static final List<String> COMPANY_KINDS = List.of("Labs", "Works", "Group", "Partners", "Systems",
            "Studio", "Collective", "Institute", "Foundry", "Analytics");
    private static final List<String> POSITIONS = List.of("Analyst", "Engineer", "Designer", "Product Manager",
            "Consultant", "Researcher", "Recruiter", "Founder", "Teacher", "Data Scientist", "Sales Lead",
            "Project Manager", "Account Executive", "Student", "Director", "Nurse", "Architect", "Editor");
    private static final List<String> SKILLS = List.of("Synth Modelling", "Data Analysis", "Project Management",
            "Public Speaking", "Research", "Leadership", "Java", "Statistics", "Teamwork", "Writing");

    private Names() {
    }

    /** A fictional person: first and last name, profile URL, optional e-mail, company, position. */
    public record Person(String first, String last, String url, String email, String company, String position) {
        public String fullName() {
            return first + " " + last;
        }

        /** The profile URL without scheme, as endorsement files show it. */
        public String bareUrl() {
            return url.substring("https://".length());
        }
    }

    /** A person drawn from {@code r}; {@code urlBits} makes the URL (so a shared contact keeps its URL). */
    public static Person person(Rand r, long urlBits, boolean withEmail) {
        String first = capitalise(word(r, 2, 3));
        String last = capitalise(word(r, 2, 3)) + "-" + MARKER;
        String email = withEmail ? (first + "." + last).toLowerCase(Locale.ROOT) + "@example.invalid" : null;
        String company = MARKER + " " + capitalise(word(r, 2, 3)) + " " + r.pick(COMPANY_KINDS);
        return new Person(first, last, URL_PREFIX + hex12(urlBits), email, company, r.pick(POSITIONS));
    }

    /** The same person with a longer last name (to make a name unique within one export). */
    public static Person disambiguate(Person p, Rand r) {
        String last = capitalise(word(r, 3, 4)) + "-" + MARKER;
        String email = p.email() == null ? null
                : (p.first() + "." + last).toLowerCase(Locale.ROOT) + "@example.invalid";
        return new Person(p.first(), last, p.url(), email, p.company(), p.position());
    }

    public static String skill(Rand r) {
        return r.pick(SKILLS);
    }

    /** {@code words} syllable words; a line break replaces one space with probability {@code multiline}. */
    public static String text(Rand r, int words, double multiline) {
        StringBuilder sb = new StringBuilder(words * 6);
        int breakAt = words > 3 && r.chance(multiline) ? r.between(1, words - 1) : -1;
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(i == breakAt ? '\n' : ' ');
            }
            String w = word(r, 1, 3);
            sb.append(i == 0 ? capitalise(w) : w);
        }
        if (words > 0) {
            sb.append('.');
        }
        return sb.toString();
    }

    /** A conversation id shaped like LinkedIn's ({@code 2-} and 24 base64-like characters). */
    public static String conversationId(long bits1, long bits2) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("2-");
        long a = bits1;
        long b = bits2;
        for (int i = 0; i < 24; i++) {
            long src = i < 12 ? a : b;
            sb.append(alphabet.charAt((int) Long.remainderUnsigned(src, alphabet.length())));
            if (i < 12) {
                a = Long.divideUnsigned(a, alphabet.length()) ^ (a << 59);
            } else {
                b = Long.divideUnsigned(b, alphabet.length()) ^ (b << 59);
            }
        }
        return sb.append("==").toString();
    }

    static String hex12(long bits) {
        return String.format("%012x", bits & 0xFFFF_FFFF_FFFFL);
    }

    private static String word(Rand r, int min, int max) {
        int n = r.between(min, max);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(r.pick(SYLLABLES));
        }
        return sb.toString();
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
