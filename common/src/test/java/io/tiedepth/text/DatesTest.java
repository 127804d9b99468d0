package io.tiedepth.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.Precision;
import io.tiedepth.model.TimePoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    private static TimePoint at(String instant, Precision precision) {
        return new TimePoint(Instant.parse(instant), precision);
    }

    @Nested
    class DocumentedForms {
        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} ({2})")
        @CsvSource(delimiter = '|', textBlock = """
                16 Dec 2024                    | 2024-12-16T00:00:00Z     | day
                1 Jan 2020                     | 2020-01-01T00:00:00Z     | day
                4-Apr-21                       | 2021-04-04T00:00:00Z     | day
                04-Apr-2021                    | 2021-04-04T00:00:00Z     | day
                1/8/18, 6:14 PM                | 2018-01-08T18:14:00Z     | second
                12/24/23, 05:28 AM             | 2023-12-24T05:28:00Z     | second
                12/15/24, 7:47 AM              | 2024-12-15T07:47:00Z     | second
                11/18/20, 11:55 AM             | 2020-11-18T11:55:00Z     | second
                12/15/2024, 7:47 AM            | 2024-12-15T07:47:00Z     | second
                10/16/18 8:36 AM               | 2018-10-16T08:36:00Z     | second
                2024-06-18 11:59:53 UTC        | 2024-06-18T11:59:53Z     | second
                2024/12/07 14:51:07 UTC        | 2024-12-07T14:51:07Z     | second
                2017/06/08 08:15:44 UTC        | 2017-06-08T08:15:44Z     | second
                2019-11-06T02:08:20            | 2019-11-06T02:08:20Z     | second
                2022-01-27T15:58:52.744Z       | 2022-01-27T15:58:52.744Z | second
                2011-06-23T13:04:14.000Z       | 2011-06-23T13:04:14Z     | second
                2022-01-27T15:58:52Z           | 2022-01-27T15:58:52Z     | second
                2022-01-27T17:58:52+02:00      | 2022-01-27T15:58:52Z     | second
                2022-01-27T10:58:52.5-05:00    | 2022-01-27T15:58:52.500Z | second
                2024-06-17 06:01:43            | 2024-06-17T06:01:43Z     | second
                2024-06-17 06:01               | 2024-06-17T06:01:00Z     | second
                2024-06-17                     | 2024-06-17T00:00:00Z     | day
                1/8/2018                       | 2018-01-08T00:00:00Z     | day
                1/8/18                         | 2018-01-08T00:00:00Z     | day
                3/5/2021 14:30                 | 2021-03-05T14:30:00Z     | second
                3/5/2021 14:30:15              | 2021-03-05T14:30:15Z     | second
                Sat Feb 18 19:45:15 +0000 2023 | 2023-02-18T19:45:15Z     | second
                Mon Jan 02 09:00:00 +0100 2023 | 2023-01-02T08:00:00Z     | second
                """)
        void parsesToExactInstantAndPrecision(String value, String instant, Precision precision) {
            assertThat(Dates.parse(value)).isEqualTo(at(instant, precision));
        }

        @Test
        void surroundingWhitespaceIsIgnored() {
            assertThat(Dates.parse("  16 Dec 2024 \t")).isEqualTo(at("2024-12-16T00:00:00Z", Precision.day));
        }
    }

    @Nested
    class TwoDigitYears {
        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource({
                "'1/1/00',           2000-01-01T00:00:00Z",
                "'12/31/99',         2099-12-31T00:00:00Z",
                "'4-Apr-09',         2009-04-04T00:00:00Z",
                "'2/29/24, 1:00 PM', 2024-02-29T13:00:00Z",
        })
        void fallInTwoThousands(String value, String instant) {
            assertThat(Dates.parse(value).at()).isEqualTo(Instant.parse(instant));
        }
    }

    @Nested
    class CaseInsensitivity {
        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"1/8/18, 6:14 PM", "1/8/18, 6:14 pm", "1/8/18, 6:14 Pm"})
        void amPmInAnyCase(String value) {
            assertThat(Dates.parse(value)).isEqualTo(at("2018-01-08T18:14:00Z", Precision.second));
        }

        @Test
        void twelveAmIsMidnightAndTwelvePmIsNoon() {
            assertThat(Dates.parse("1/8/18, 12:05 AM").at()).isEqualTo(Instant.parse("2018-01-08T00:05:00Z"));
            assertThat(Dates.parse("1/8/18, 12:05 PM").at()).isEqualTo(Instant.parse("2018-01-08T12:05:00Z"));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"16 DEC 2024", "16 dec 2024", "16-dec-24"})
        void monthNamesInAnyCase(String value) {
            assertThat(Dates.parse(value)).isEqualTo(at("2024-12-16T00:00:00Z", Precision.day));
        }

        @Test
        void utcSuffixInLowerCase() {
            assertThat(Dates.parse("2024-06-18 11:59:53 utc")).isEqualTo(at("2024-06-18T11:59:53Z", Precision.second));
        }
    }

    @Nested
    class Unknown {
        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullSource
        @ValueSource(strings = {"", "   ", "Jane Doe", "yesterday", "16.12.2024", "2024-13-01", "2/30/2024",
                "31 Feb 2024", "1/8/18, 13:14 PM", "Fri Feb 18 19:45:15 +0000 2023", "2024-06-18 11:59:53 CET",
                "1700000000", "16 Dez 2024"})
        void isNull(String value) {
            assertThat(Dates.parse(value)).isNull();
        }
    }

    @Nested
    class Shape {
        @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
        @CsvSource(delimiter = '|', textBlock = """
                16.12.2024                     | 99.99.9999
                16 Dec 2024                    | 99 aaa 9999
                2024-06-18 11:59:53 UTC        | 9999-99-99 99:99:99 aaa
                1/8/18, 6:14 PM                | 9/9/99, 9:99 aa
                Sat Feb 18 19:45:15 +0000 2023 | aaa aaa 99 99:99:99 +9999 9999
                """)
        void lettersBecomeAAndDigitsBecomeNine(String value, String shape) {
            assertThat(Dates.shape(value)).isEqualTo(shape);
        }

        @Test
        void isCutAtFortyCharacters() {
            assertThat(Dates.shape("1".repeat(100))).isEqualTo("9".repeat(40));
        }

        @Test
        void emptyValueHasEmptyShape() {
            assertThat(Dates.shape("")).isEmpty();
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', textBlock = """
                Jane Doe                      | aaaa aaa
                H\u00e5kan \u00d6berg-Smith   | aaaaa aaaaa-aaaaa
                Ha\u030akan                   | aaaaaa
                \u5c71\u7530 \u592a\u90ce     | aa aa
                \u0928\u093f\u0916\u093f\u0932 | aaaaa
                \ud835\udcd9ane               | aaaa
                \ud840\udc0b\u5c71            | aa
                """)
        void nameNeverAppearsExceptAsAs(String name, String shape) {
            assertThat(Dates.shape(name)).isEqualTo(shape);
        }

        @Test
        void symbolsOutsideAsciiAreMasked() {
            assertThat(Dates.shape("Jane \uD83D\uDE0A Doe")).isEqualTo("aaaa ? aaa");
        }
    }

    @Nested
    class PlausibleRange {
        @Test
        void yearsOutside1995To2099AreNotBelieved() {
            assertThat(Dates.parse("01 Jan 1900")).isNull();
            assertThat(Dates.parse("2100-01-01 00:00:00 UTC")).isNull();
            assertThat(Dates.parse("1994-12-31T23:59:59Z")).isNull();
            assertThat(Dates.parse("1995-01-01T00:00:00Z")).isNotNull();
            assertThat(Dates.parse("2099-12-31 23:59:59 UTC")).isNotNull();
        }

        @Test
        void problemSaysWhetherTheFormOrTheYearIsWrong() {
            assertThat(Dates.problem("01 Jan 1900")).isEqualTo("date outside the plausible range 1995-2099");
            assertThat(Dates.problem("1/1/00, 1:00 AM")).isNull();
            assertThat(Dates.problem("16.12.2024")).isEqualTo("unknown date format '99.99.9999'");
            assertThat(Dates.problem("  ")).isEqualTo("missing date");
        }

        @Test
        void plausibleBoundsOnInstants() {
            assertThat(Dates.plausible(java.time.Instant.parse("1970-01-01T00:00:00Z"))).isFalse();
            assertThat(Dates.plausible(java.time.Instant.parse("2024-06-01T00:00:00Z"))).isTrue();
            assertThat(Dates.plausible(null)).isFalse();
        }
    }

    @Nested
    class InOneFile {
        /** Every documented form, mismatches and implausible years, in an order that changes form often. */
        private static final List<String> MIXED = List.of("16 Dec 2024", "16 Dec 2024", "4-Apr-21", "04-Apr-2021",
                "1/8/18, 6:14 PM", "12/15/2024, 7:47 AM", "10/16/18 8:36 AM", "2024-06-18 11:59:53 UTC",
                "2024/12/07 14:51:07 UTC", "2019-11-06T02:08:20", "2022-01-27T15:58:52.744Z",
                "2022-01-27T17:58:52+02:00", "2024-06-17 06:01:43", "2024-06-17 06:01", "2024-06-17", "1/8/2018",
                "1/8/18", "3/5/2021 14:30", "3/5/2021 14:30:15", "Sat Feb 18 19:45:15 +0000 2023", "Jane Doe", "",
                "   ", "16.12.2024", "2/30/2024", "31 Feb 2024", "01 Jan 1900", "1/8/18, 13:14 PM", "1/1/00, 1:00 AM",
                "2024-06-18 11:59:53 utc", " 16 Dec 2024 ", "2100-01-01 00:00:00 UTC", "1 Jan 2020");

        @Test
        void givesWhatParseGivesForEveryValueInAnyOrder() {
            List<String> values = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                values.addAll(MIXED);
                Collections.shuffle(values, new Random(round));
            }
            values.add(null);
            Dates.InFile dates = new Dates.InFile();
            for (String v : values) {
                assertThat(dates.parse(v)).as(v).isEqualTo(Dates.parse(v));
            }
        }

        @Test
        void noValueMatchesTwoForms() {
            for (String v : MIXED) {
                Dates.Match inOrder = Dates.match(v, -1);
                for (int first = 0; first < Dates.forms(); first++) {
                    Dates.Match m = Dates.match(v, first);
                    assertThat(m).as(v + " trying form " + first + " first").isEqualTo(inOrder);
                }
            }
        }
    }
}
