package io.tiedepth.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StudyKeyTest {
    private static final String SECRET = "correct-horse-battery-staple-42";
    private static final String OTHER_SECRET = "another-study-key-of-enough-length";
    private static final String DEMO_FINGERPRINT = StudyKey.demo().fingerprint();

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path keyFile(String content) throws IOException {
        Path f = dir.resolve("study.key");
        Files.write(f, utf8(content));
        return f;
    }

    @Nested
    class MinimumLength {
        @Test
        void acceptsKeyOfExactlyMinimumLength() {
            StudyKey key = StudyKey.of(new byte[StudyKey.MIN_BYTES]);

            assertThat(key.isDemo()).isFalse();
            assertThat(key.bytes()).hasSize(16);
        }

        @Test
        void refusesKeyOneByteShortWithItsLength() {
            assertThatThrownBy(() -> StudyKey.of(new byte[15]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot use the study key: it has 15 bytes, at least 16 are needed");
        }

        @Test
        void refusesEmptyKey() {
            assertThatThrownBy(() -> StudyKey.of(new byte[0]))
                    .hasMessage("Cannot use the study key: it has 0 bytes, at least 16 are needed");
        }

        @Test
        void copiesTheBytesSoLaterChangesToTheArrayDoNotChangeTheKey() {
            byte[] raw = utf8(SECRET);
            StudyKey key = StudyKey.of(raw);
            String before = key.fingerprint();
            raw[0] = 'X';

            assertThat(key.fingerprint()).isEqualTo(before);
            assertThat(key.bytes()).isEqualTo(utf8(SECRET));
        }
    }

    @Nested
    class KeyFile {
        @ParameterizedTest(name = "[{index}] trailing {0}")
        @ValueSource(strings = {"", "\n", "\r\n", "\n\n"})
        void dropsTrailingNewlines(String trailer) throws IOException {
            StudyKey key = StudyKey.fromFile(keyFile(SECRET + trailer));

            assertThat(key.bytes()).isEqualTo(utf8(SECRET));
            assertThat(key.fingerprint()).isEqualTo(StudyKey.of(utf8(SECRET)).fingerprint());
        }

        @Test
        void keepsInnerNewlinesAndLeadingSpaces() throws IOException {
            StudyKey key = StudyKey.fromFile(keyFile(" line-one-of-key\nline-two\n"));

            assertThat(key.bytes()).isEqualTo(utf8(" line-one-of-key\nline-two"));
        }

        @Test
        void refusesShortKeyFileNamingTheFileButNotTheKey() throws IOException {
            Path f = keyFile("short-key\n");

            assertThatThrownBy(() -> StudyKey.fromFile(f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot use the study key: it has 9 bytes, at least 16 are needed (" + f + ")")
                    .message().doesNotContain("short-key");
        }

        @Test
        void missingKeyFileIsAnIOException() {
            assertThatThrownBy(() -> StudyKey.fromFile(dir.resolve("absent.key")))
                    .isInstanceOf(IOException.class);
        }
    }

    @Nested
    class Resolve {
        @Test
        void keyFileWinsOverEnvironmentAndDemo() throws IOException {
            Path f = keyFile(SECRET + "\n");

            StudyKey key = StudyKey.resolve(f, Map.of(StudyKey.ENV_VAR, OTHER_SECRET), true);

            assertThat(key.bytes()).isEqualTo(utf8(SECRET));
            assertThat(key.isDemo()).isFalse();
        }

        @Test
        void environmentWinsOverDemo() throws IOException {
            StudyKey key = StudyKey.resolve(null, Map.of(StudyKey.ENV_VAR, OTHER_SECRET), true);

            assertThat(key.bytes()).isEqualTo(utf8(OTHER_SECRET));
            assertThat(key.isDemo()).isFalse();
        }

        @Test
        void environmentVariableIsNamedTiedepthKey() {
            assertThat(StudyKey.ENV_VAR).isEqualTo("TIEDEPTH_KEY");
        }

        @Test
        void shortEnvironmentKeyIsRefused() {
            assertThatThrownBy(() -> StudyKey.resolve(null, Map.of(StudyKey.ENV_VAR, "tooshort"), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot use the study key: it has 8 bytes, at least 16 are needed");
        }

        @Test
        void emptyEnvironmentVariableFallsBackToDemoWhenAllowed() throws IOException {
            StudyKey key = StudyKey.resolve(null, Map.of(StudyKey.ENV_VAR, ""), true);

            assertThat(key.isDemo()).isTrue();
        }

        @Test
        void otherEnvironmentVariablesAreIgnored() throws IOException {
            StudyKey key = StudyKey.resolve(null, Map.of("TIEDEPTH_KEY_FILE", OTHER_SECRET), true);

            assertThat(key.isDemo()).isTrue();
            assertThat(key.fingerprint()).isEqualTo(DEMO_FINGERPRINT);
        }

        @Test
        void withoutAnyKeyAndNoDemoSaysHowToProvideOne() {
            assertThatThrownBy(() -> StudyKey.resolve(null, Map.of(), false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Cannot pseudonymize: no study key. Pass --key-file FILE or set TIEDEPTH_KEY"
                            + " (or --demo-key for a run whose results are not private)");
        }

        @Test
        void demoKeyThroughTheEnvironmentOrAFileIsRefusedWithoutDemoKey() throws IOException {
            String demo = "tiedepth-DEMO-key-NOT-PRIVATE-do-not-use-for-real-data";
            assertThatThrownBy(() -> StudyKey.resolve(null, Map.of(StudyKey.ENV_VAR, demo), false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("from TIEDEPTH_KEY: it is the public demo key");
            Path f = keyFile(demo + "\n");
            assertThatThrownBy(() -> StudyKey.resolve(f, Map.of(), false))
                    .hasMessageContaining("it is the public demo key");
            assertThat(StudyKey.resolve(null, Map.of(StudyKey.ENV_VAR, demo), true).isDemo()).isTrue();
        }

        @Test
        void emptyEnvironmentVariableWithoutDemoIsAnError() {
            assertThatThrownBy(() -> StudyKey.resolve(null, Map.of(StudyKey.ENV_VAR, ""), false))
                    .hasMessageStartingWith("Cannot pseudonymize: no study key.");
        }
    }

    @Nested
    class Demo {
        @Test
        void demoKeyIsFlaggedAndStable() {
            StudyKey a = StudyKey.demo();
            StudyKey b = StudyKey.demo();

            assertThat(a.isDemo()).isTrue();
            assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        }

        @Test
        void demoKeyBytesAreNotTheDemoFlagOfAnOrdinaryKey() {
            StudyKey demo = StudyKey.demo();
            StudyKey same = StudyKey.of(demo.bytes());

            assertThat(same.isDemo()).isFalse();
            assertThat(same.fingerprint()).isEqualTo(demo.fingerprint());
        }
    }

    @Nested
    class Fingerprint {
        @Test
        void isSixteenLowercaseHexCharacters() {
            assertThat(StudyKey.of(utf8(SECRET)).fingerprint()).matches("[0-9a-f]{16}");
        }

        @Test
        void isStableForTheSameKey() {
            assertThat(StudyKey.of(utf8(SECRET)).fingerprint()).isEqualTo(StudyKey.of(utf8(SECRET)).fingerprint());
        }

        @Test
        void differsBetweenKeys() {
            assertThat(StudyKey.of(utf8(SECRET)).fingerprint())
                    .isNotEqualTo(StudyKey.of(utf8(OTHER_SECRET)).fingerprint());
        }

        @Test
        void isDomainSeparatedSha256OfTheKey() throws Exception {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(utf8("tiedepth-key-fingerprint\0" + SECRET));
            String expected = HexFormat.of().formatHex(sha.digest(), 0, 8);

            assertThat(StudyKey.of(utf8(SECRET)).fingerprint()).isEqualTo(expected);
        }

        @Test
        void neverContainsTheKeyNorItsHex() {
            String hexKey = "00112233445566778899aabbccddeeff";
            StudyKey key = StudyKey.of(utf8(hexKey));

            assertThat(key.fingerprint())
                    .doesNotContain(hexKey.substring(0, 8))
                    .doesNotContain(HexFormat.of().formatHex(utf8(hexKey)).substring(0, 8));
        }
    }

    @Nested
    class ToString {
        @Test
        void showsFingerprintButNotTheKey() {
            StudyKey key = StudyKey.of(utf8(SECRET));

            assertThat(key.toString())
                    .isEqualTo("StudyKey[fingerprint=" + key.fingerprint() + "]")
                    .doesNotContain(SECRET)
                    .doesNotContain("horse");
        }

        @Test
        void marksTheDemoKey() {
            assertThat(StudyKey.demo().toString()).isEqualTo("StudyKey[fingerprint=" + DEMO_FINGERPRINT + ", DEMO]")
                    .doesNotContain("NOT-PRIVATE");
        }
    }
}
