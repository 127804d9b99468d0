package io.tiedepth.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonKeysTest {

    @Nested
    class Urls {
        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
                "https://www.linkedin.com/in/jane-doe",
                "http://www.linkedin.com/in/jane-doe",
                "https://linkedin.com/in/jane-doe",
                "HTTPS://WWW.LINKEDIN.COM/IN/JANE-DOE",
                "https://www.linkedin.com/in/Jane-Doe/",
                "https://www.linkedin.com/in/jane-doe///",
                "https://www.linkedin.com/in/jane-doe?trk=public_profile",
                "https://www.linkedin.com/in/jane-doe/?trk=x#about",
                "https://www.linkedin.com/in/jane-doe#experience",
                "  https://www.linkedin.com/in/jane-doe  ",
                "www.linkedin.com/in/jane-doe",
                "linkedin.com/in/jane-doe",
                "linkedin.com/in/jane-doe/",
        })
        void normaliseToHostAndPath(String url) {
            assertThat(PersonKeys.normaliseUrl(url)).isEqualTo("linkedin.com/in/jane-doe");
            assertThat(PersonKeys.urlKey(url)).isEqualTo("url:linkedin.com/in/jane-doe");
        }

        @Test
        void schemeLessEndorsementUrlEqualsFullConnectionsUrl() {
            assertThat(PersonKeys.urlKey("www.linkedin.com/in/h\u00e5kan-sv-123abc"))
                    .isEqualTo(PersonKeys.urlKey("https://www.linkedin.com/in/h\u00e5kan-sv-123abc/"));
        }

        @Test
        void differentSlugsStayDifferent() {
            assertThat(PersonKeys.urlKey("https://www.linkedin.com/in/jane-doe"))
                    .isNotEqualTo(PersonKeys.urlKey("https://www.linkedin.com/in/jane-doe-2"));
        }

        @Test
        void wwwInsideThePathIsKept() {
            assertThat(PersonKeys.normaliseUrl("https://twitter.com/www.jane")).isEqualTo("twitter.com/www.jane");
        }

        @Test
        void onlyTheLeadingWwwOfTheHostIsRemoved() {
            assertThat(PersonKeys.normaliseUrl("https://www2.example.org/www./x")).isEqualTo("www2.example.org/www./x");
        }
    }

    @Nested
    class Names {
        @Test
        void composedAndDecomposedFormsAreOneKey() {
            String nfc = Normalizer.normalize("Ren\u00e9e H\u00e5kansson", Normalizer.Form.NFC);
            String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);

            assertThat(nfd).isNotEqualTo(nfc);
            assertThat(PersonKeys.normaliseName(nfd)).isEqualTo("ren\u00e9e h\u00e5kansson");
            assertThat(PersonKeys.nameKey("linkedin", "o", nfd)).isEqualTo(PersonKeys.nameKey("linkedin", "o", nfc));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"Jane Doe", "jane doe", "JANE DOE", "  Jane   Doe ", "Jane\tDoe", "Jane\nDoe",
                "Jane\u00a0Doe", "Jane \u2009 Doe\u00a0"})
        void whitespaceAndCaseAreNormalised(String name) {
            assertThat(PersonKeys.normaliseName(name)).isEqualTo("jane doe");
        }

        @Test
        void mojibakeRepairedNameEqualsCleanName() {
            assertThat(PersonKeys.normaliseName("H\u00c3\u00a5kan Sj\u00c3\u00b6gren"))
                    .isEqualTo(PersonKeys.normaliseName("H\u00e5kan Sj\u00f6gren"))
                    .isEqualTo("h\u00e5kan sj\u00f6gren");
        }

        @Test
        void genuineLatin1NameIsNotDamaged() {
            assertThat(PersonKeys.normaliseName("H\u00e5kan")).isEqualTo("h\u00e5kan");
        }

        /** The regex-free fast paths give what the rules written as regular expressions give, on random text. */
        @Test
        void fastPathsAgreeWithTheRulesOnRandomText() {
            java.util.Random r = new java.util.Random(42);
            String alphabet = "aZ09 -.+:/?#\t\u00a0\u00e9\u00c3\u00a5hHtTpPsS";
            java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("[\\s\\p{Z}]+");
            java.util.regex.Pattern scheme = java.util.regex.Pattern.compile("^[a-z][a-z0-9+.-]*://");
            for (int i = 0; i < 20_000; i++) {
                StringBuilder sb = new StringBuilder(i % 3 == 0 ? "https://" : i % 3 == 1 ? "x+1.-://" : "");
                for (int k = r.nextInt(12); k > 0; k--) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                String s = sb.toString();
                String name = spaces.matcher(Normalizer.normalize(Mojibake.repair(s), Normalizer.Form.NFC))
                        .replaceAll(" ").trim().toLowerCase(java.util.Locale.ROOT);
                assertThat(PersonKeys.normaliseName(s)).as("name '%s'", s).isEqualTo(name);
                String url = scheme.matcher(s.trim().toLowerCase(java.util.Locale.ROOT)).replaceFirst("");
                assertThat(PersonKeys.normaliseUrl(s)).as("url '%s'", s).isEqualTo(
                        url.replaceAll("[?#].*", "").replaceFirst("^www\\.", "").replaceAll("/+$", ""));
            }
        }

        @Test
        void differentNamesStayDifferent() {
            assertThat(PersonKeys.normaliseName("Jane Doe")).isNotEqualTo(PersonKeys.normaliseName("Jane Do"));
        }
    }

    @Nested
    class Keys {
        @Test
        void accountKeyHasPlatformPrefixAndTrimsTheId() {
            assertThat(PersonKeys.accountKey("twitter", " 1234567890 ")).isEqualTo("id:twitter:1234567890");
        }

        @Test
        void accountIdsStayStrings() {
            assertThat(PersonKeys.accountKey("twitter", "007")).isEqualTo("id:twitter:007");
        }

        @Test
        void urlKeyHasUrlPrefixAndNoPlatform() {
            assertThat(PersonKeys.urlKey("https://www.linkedin.com/in/jane-doe")).isEqualTo("url:linkedin.com/in/jane-doe");
        }

        @Test
        void nameKeyIsScopedToPlatformAndOwner() {
            assertThat(PersonKeys.nameKey("facebook", "url:linkedin.com/in/owner", " Jane  DOE "))
                    .isEqualTo("name:facebook:url:linkedin.com/in/owner:jane doe");
        }

        @ParameterizedTest(name = "[{index}] {0}/{1} vs {2}/{3}")
        @CsvSource({
                "linkedin, owner-a, linkedin, owner-b",
                "linkedin, owner-a, facebook, owner-a",
        })
        void sameNameInAnotherScopeIsAnotherKey(String p1, String s1, String p2, String s2) {
            assertThat(PersonKeys.nameKey(p1, s1, "Jane Doe")).isNotEqualTo(PersonKeys.nameKey(p2, s2, "Jane Doe"));
        }

        @Test
        void keyKindsNeverCollide() {
            assertThat(PersonKeys.accountKey("x", "jane")).startsWith("id:");
            assertThat(PersonKeys.urlKey("jane")).isEqualTo("url:jane");
            assertThat(PersonKeys.nameKey("x", "s", "jane")).isEqualTo("name:x:s:jane");
        }
    }
}
