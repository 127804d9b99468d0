package io.tiedepth.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MojibakeTest {

    @Nested
    class Repairs {
        @Test
        void repairsLatin1ReadUtf8Name() {
            assertThat(Mojibake.repair("H\u00c3\u00a5kan")).isEqualTo("H\u00e5kan");
        }

        @Test
        void repairsFourByteEmoji() {
            assertThat(Mojibake.repair("\u00f0\u009f\u0098\u00a2")).isEqualTo("\uD83D\uDE22");
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @CsvSource({
                "'J\u00c3\u00b6rg M\u00c3\u00bcller', 'J\u00f6rg M\u00fcller'",
                "'\u00c3\u0089lodie', '\u00c9lodie'",
                "'caf\u00c3\u00a9 \u00f0\u009f\u0098\u00a2 ok', 'caf\u00e9 \uD83D\uDE22 ok'",
                "'\u00e2\u0082\u00ac 5', '\u20ac 5'",
                "'\u00e5\u00b1\u00b1\u00e7\u0094\u00b0', '\u5c71\u7530'",
        })
        void repairsMixedText(String broken, String clean) {
            assertThat(Mojibake.repair(broken)).isEqualTo(clean);
        }
    }

    @Nested
    class LeavesUnchanged {
        @Test
        void genuineLatin1Name() {
            String s = "H\u00e5kan";

            assertThat(Mojibake.repair(s)).isSameAs(s);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"Jane Doe", "", " ", "a,b;c\"d"})
        void asciiText(String s) {
            assertThat(Mojibake.repair(s)).isSameAs(s);
        }

        @Test
        void nullText() {
            assertThat(Mojibake.repair(null)).isNull();
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"H\u00c3\u00a5kan \u5c71\u7530", "\u00c3\u00a5 \u20ac", "\uD83D\uDE22 \u00c3\u00a5"})
        void textWithCharactersAboveU00FF(String s) {
            assertThat(Mojibake.repair(s)).isSameAs(s);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
                "\u00c3",                       // truncated two-byte sequence
                "\u00c3A",                      // lead byte followed by ASCII
                "\u00a5kan",                    // lone continuation byte
                "\u00f0\u009f\u0098",           // truncated four-byte sequence
                "\u00c0\u00af",                 // overlong encoding of '/'
                "\u00ed\u00a0\u0080",           // UTF-16 surrogate encoded in UTF-8
                "\u00ff\u00fe",                 // bytes that never occur in UTF-8
                "Fran\u00e7ois M\u00fcller",   // genuine Latin-1
        })
        void invalidUtf8ByteSequences(String s) {
            assertThat(Mojibake.repair(s)).isSameAs(s);
        }
    }
}
