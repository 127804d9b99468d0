package io.tiedepth.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PseudonymizerTest {
    private static final String SECRET = "correct-horse-battery-staple-42";
    private static final StudyKey KEY = StudyKey.of(SECRET.getBytes(StandardCharsets.UTF_8));
    private static final StudyKey OTHER = StudyKey.of("another-study-key-of-enough-length".getBytes(StandardCharsets.UTF_8));
    private static final String PERSON = "url:linkedin.com/in/jane-doe";

    private static Pseudonymizer roundTrip(Pseudonymizer p) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Pseudonymizer) in.readObject();
        }
    }

    @Nested
    class Stability {
        @Test
        void sameKeyAndInputGiveSameIdAcrossInstances() {
            assertThat(new Pseudonymizer(KEY).id(PERSON)).isEqualTo(new Pseudonymizer(KEY).id(PERSON));
        }

        @Test
        void repeatedCallsOnOneInstanceGiveSameId() {
            Pseudonymizer p = new Pseudonymizer(KEY);

            assertThat(p.id(PERSON)).isEqualTo(p.id(PERSON));
        }

        @Test
        void survivesJavaSerializationRoundTrip() throws Exception {
            Pseudonymizer original = new Pseudonymizer(KEY);
            String before = original.id(PERSON);

            Pseudonymizer copy = roundTrip(original);

            assertThat(copy.id(PERSON)).isEqualTo(before);
            assertThat(copy.keyFingerprint()).isEqualTo(KEY.fingerprint());
        }

        @Test
        void serializedFormDoesNotCarryTheMacState() throws Exception {
            Pseudonymizer fresh = new Pseudonymizer(KEY);
            Pseudonymizer used = new Pseudonymizer(KEY);
            used.id("warm up the mac");

            assertThat(roundTrip(used).id(PERSON)).isEqualTo(roundTrip(fresh).id(PERSON));
        }
    }

    @Nested
    class Keyed {
        @Test
        void differentKeyGivesDifferentId() {
            assertThat(new Pseudonymizer(KEY).id(PERSON)).isNotEqualTo(new Pseudonymizer(OTHER).id(PERSON));
        }

        @Test
        void differentInputGivesDifferentId() {
            Pseudonymizer p = new Pseudonymizer(KEY);

            assertThat(p.id(PERSON)).isNotEqualTo(p.id(PERSON + "x"));
        }

        @Test
        void equalsTruncatedHmacSha256ComputedIndependently() throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = mac.doFinal("name:linkedin:x:h\u00e5kan".getBytes(StandardCharsets.UTF_8));
            String expected = HexFormat.of().formatHex(full).substring(0, 32);

            assertThat(new Pseudonymizer(KEY).id("name:linkedin:x:h\u00e5kan")).isEqualTo(expected);
        }

        @Test
        void isNotAnUnkeyedSha256OfTheInput() throws Exception {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(PERSON.getBytes(StandardCharsets.UTF_8));

            assertThat(new Pseudonymizer(KEY).id(PERSON)).isNotEqualTo(HexFormat.of().formatHex(sha).substring(0, 32));
        }
    }

    @Nested
    class Format {
        @ParameterizedTest
        @ValueSource(strings = {"", "a", PERSON, "name:facebook:url:x:\u00f0\u009f\u0098\u00a2 j\u00f6rg"})
        void isThirtyTwoLowercaseHexCharacters(String input) {
            assertThat(new Pseudonymizer(KEY).id(input)).hasSize(32).matches("[0-9a-f]{32}");
        }

        @Test
        void idBytesIsSixteen() {
            assertThat(Pseudonymizer.ID_BYTES).isEqualTo(16);
        }

        @Test
        void toStringShowsOnlyTheFingerprint() {
            Pseudonymizer p = new Pseudonymizer(KEY);

            assertThat(p.toString()).isEqualTo("Pseudonymizer[key fingerprint " + KEY.fingerprint() + "]")
                    .doesNotContain(SECRET);
            assertThat(p.keyFingerprint()).isEqualTo(KEY.fingerprint());
        }
    }
}
