package io.tiedepth.ingest.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiedepth.ingest.network.NetworkDescriptor.Column;
import io.tiedepth.ingest.network.NetworkDescriptor.EventFile;
import io.tiedepth.ingest.network.NetworkDescriptor.Separator;
import io.tiedepth.ingest.network.NetworkDescriptor.TieFile;
import io.tiedepth.ingest.network.NetworkDescriptor.TimeUnit;
import io.tiedepth.text.ReadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkDescriptorTest {

    static NetworkDescriptor parse(String json) throws IOException, ReadException {
        return NetworkDescriptor.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "tiedepth-network.json");
    }

    static final String TIE = """
            {"file": "links.csv", "separator": ",", "columns": {"source": 0, "target": 1}, "directed": false}""";
    static final String EVENT = """
            {"file": "sms.csv", "separator": ",", "channel": "message",
             "columns": {"time": 0, "source": 1, "target": 2}}""";

    @Nested
    class Parsing {
        @Test
        void readsEveryKey() throws Exception {
            NetworkDescriptor d = parse("""
                    {
                      "name": "copenhagen-cns",
                      "format_era": "cns-2019",
                      "ties": [{"file": "fb_friends.csv", "separator": ",", "header": true,
                                "comment_prefixes": ["#"], "columns": {"source": "user_a", "target": "User_B"},
                                "directed": false, "tie_source": "friend"}],
                      "events": [{"file": "data/calls.txt", "separator": "\\t", "header": false, "channel": "call",
                                  "columns": {"time": 0, "source": 1, "target": 2, "duration": 3},
                                  "time_unit": "milliseconds", "epoch": "2013-09-01T00:00:00Z",
                                  "missed_value": -1}]
                    }""");
            assertThat(d.name()).isEqualTo("copenhagen-cns");
            assertThat(d.formatEra()).isEqualTo("cns-2019");
            TieFile t = d.ties().get(0);
            assertThat(t.file()).isEqualTo("fb_friends.csv");
            assertThat(t.layout().separator()).isEqualTo(Separator.COMMA);
            assertThat(t.layout().header()).isTrue();
            assertThat(t.layout().commentPrefixes()).containsExactly("#");
            assertThat(t.source()).isEqualTo(Column.named("user_a"));
            assertThat(t.target()).isEqualTo(Column.named("User_B"));
            assertThat(t.directed()).isFalse();
            assertThat(t.tieSource()).isEqualTo("friend");
            EventFile e = d.events().get(0);
            assertThat(e.file()).isEqualTo("data/calls.txt");
            assertThat(e.layout().separator()).isEqualTo(Separator.TAB);
            assertThat(e.channel()).isEqualTo("call");
            assertThat(e.time()).isEqualTo(Column.at(0));
            assertThat(e.duration()).isEqualTo(Column.at(3));
            assertThat(e.timeUnit()).isEqualTo(TimeUnit.MILLISECONDS);
            assertThat(e.epoch()).isEqualTo(Instant.parse("2013-09-01T00:00:00Z"));
            assertThat(e.missedValue()).isEqualTo(-1L);
        }

        @Test
        void fillsDefaults() throws Exception {
            NetworkDescriptor d = parse("{\"name\": \"x\", \"ties\": [" + TIE + "], \"events\": [" + EVENT + "]}");
            assertThat(d.formatEra()).isEqualTo("network");
            assertThat(d.ties().get(0).tieSource()).isEqualTo("network_link");
            assertThat(d.ties().get(0).layout().header()).isFalse();
            assertThat(d.ties().get(0).layout().commentPrefixes()).containsExactly("#", "%");
            EventFile e = d.events().get(0);
            assertThat(e.timeUnit()).isEqualTo(TimeUnit.SECONDS);
            assertThat(e.epoch()).isEqualTo(Instant.EPOCH);
            assertThat(e.duration()).isNull();
            assertThat(e.missedValue()).isNull();
        }

        @Test
        void acceptsEventsWithoutTiesAndWhitespaceSeparator() throws Exception {
            NetworkDescriptor d = parse("""
                    {"name": "snap", "events": [{"file": "out.x", "separator": "whitespace", "channel": "message",
                     "comment_prefixes": [], "columns": {"source": 0, "target": 1, "time": 2}}]}""");
            assertThat(d.ties()).isEmpty();
            assertThat(d.events().get(0).layout().separator()).isEqualTo(Separator.WHITESPACE);
            assertThat(d.events().get(0).layout().commentPrefixes()).isEmpty();
        }

        @Test
        void readsDerivedTiesTimeOriginAndWindow() throws Exception {
            NetworkDescriptor d = parse("""
                    {"name": "snap", "derive_ties": {"min_events": 3}, "time_origin": "relative", "window": "node",
                     "events": [{"file": "out.x.gz", "separator": "whitespace", "channel": "message",
                     "columns": {"source": 0, "target": 1, "time": 2}}]}""");
            assertThat(d.deriveTies()).isEqualTo(new NetworkDescriptor.DeriveTies("min_events", 3));
            assertThat(d.deriveTies().label()).isEqualTo("min_events=3");
            assertThat(d.relativeTime()).isTrue();
            assertThat(d.window()).isEqualTo(NetworkDescriptor.Window.NODE);
            NetworkDescriptor plain = parse("""
                    {"name": "snap", "events": [{"file": "x", "separator": ",", "channel": "message",
                     "columns": {"source": 0, "target": 1, "time": 2}}]}""");
            assertThat(plain.deriveTies()).isNull();
            assertThat(plain.relativeTime()).isFalse();
            assertThat(plain.window()).isEqualTo(NetworkDescriptor.Window.DATASET);
            assertThat(parse("""
                    {"name": "s", "derive_ties": "reciprocated", "events": [{"file": "x", "separator": ",",
                     "channel": "message", "columns": {"source": 0, "target": 1, "time": 2}}]}""").deriveTies()
                    .label()).isEqualTo("reciprocated");
        }

        @Test
        void readsTheShippedSamples() throws Exception {
            for (String sample : List.of("copenhagen-cns", "snap-sample")) {
                try (var in = java.nio.file.Files.newInputStream(
                        Samples.dir(sample).resolve(NetworkDescriptor.FILE_NAME))) {
                    assertThat(NetworkDescriptor.parse(in, NetworkDescriptor.FILE_NAME).name()).isNotBlank();
                }
            }
        }
    }

    @Nested
    class Errors {
        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"ties\": [TIE]}| name is required",
            "{\"name\": \"jane doe\", \"ties\": [TIE]}| name must be 1 to 64 letters, digits, '.', '_' or '-'",
            "{\"name\": \"x\", \"format_era\": 3, \"ties\": [TIE]}| format_era must be 1 to 64 letters, digits, '.', '_' or '-'",
            "{\"name\": \"x\", \"tie\": [TIE]}| tie is not a known key",
            "{\"name\": \"x\"}| ties and events are both empty: list at least one file",
            "{\"name\": \"x\", \"ties\": [], \"events\": []}| ties and events are both empty: list at least one file",
            "{\"name\": \"x\", \"ties\": {}}| ties must be a list of objects",
            "{\"name\": \"x\", \"ties\": [3]}| ties[0] must be an object",
            "{\"name\": \"x\", \"ties\": [TIE, TIE]}| ties[1].file names a file that is already listed: each file may be listed once",
            "{\"name\": \"x\", \"ties\": [{\"separator\": \",\", \"columns\": {\"source\": 0, \"target\": 1}, \"directed\": true}]}| ties[0].file is required",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"../etc/x\", \"separator\": \",\", \"columns\": {\"source\": 0, \"target\": 1}, \"directed\": true}]}| ties[0].file must be a relative '/'-separated path inside the dataset",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"/x\", \"separator\": \",\", \"columns\": {\"source\": 0, \"target\": 1}, \"directed\": true}]}| ties[0].file must be a relative '/'-separated path inside the dataset",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"columns\": {\"source\": 0, \"target\": 1}, \"directed\": true}]}| ties[0].separator is required (\",\", \"\\t\" or \"whitespace\")",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \";\", \"columns\": {\"source\": 0, \"target\": 1}, \"directed\": true}]}| ties[0].separator must be \",\", \"\\t\" or \"whitespace\"",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"header\": \"yes\", \"columns\": {\"source\": 0, \"target\": 1}, \"directed\": true}]}| ties[0].header must be true or false",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"comment_prefixes\": \"#\", \"columns\": {\"source\": 0, \"target\": 1}, \"directed\": true}]}| ties[0].comment_prefixes must be a list of non-empty strings",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"comment_prefixes\": [\"\"], \"columns\": {\"source\": 0, \"target\": 1}, \"directed\": true}]}| ties[0].comment_prefixes must be a list of non-empty strings",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"directed\": true}]}| ties[0].columns is required",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"columns\": {\"source\": 0}, \"directed\": true}]}| ties[0].columns.target is required",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"columns\": {\"source\": 0, \"target\": 1, \"time\": 2}, \"directed\": true}]}| ties[0].columns.time is not a known key",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"columns\": {\"source\": \"a\", \"target\": 1}, \"directed\": true}]}| ties[0].columns.source must be a 0-based column index when header is false",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"columns\": {\"source\": -1, \"target\": 1}, \"directed\": true}]}| ties[0].columns.source must be a column name or a 0-based column index",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"columns\": {\"source\": 0, \"target\": 1}}]}| ties[0].directed is required (true or false)",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"columns\": {\"source\": 0, \"target\": 1}, \"directed\": \"no\"}]}| ties[0].directed must be true or false",
            "{\"name\": \"x\", \"ties\": [{\"file\": \"a\", \"separator\": \",\", \"columns\": {\"source\": 0, \"target\": 1}, \"directed\": true, \"tie_source\": \"buddy\"}]}| ties[0].tie_source must be one of connection, friend, follower, following, mutual_follow, network_link",
            "{\"name\": \"x\", \"events\": [EVENT, {\"file\": \"b\", \"separator\": \",\", \"columns\": {\"time\": 0, \"source\": 1, \"target\": 2}}]}| events[1].channel is required",
            "{\"name\": \"x\", \"events\": [{\"file\": \"b\", \"separator\": \",\", \"channel\": \"sms\", \"columns\": {\"time\": 0, \"source\": 1, \"target\": 2}}]}| events[0].channel must be one of message, call, comment, reaction, endorsement, recommendation, reply, mention, wall_post",
            "{\"name\": \"x\", \"events\": [{\"file\": \"b\", \"separator\": \",\", \"channel\": \"call\", \"columns\": {\"source\": 1, \"target\": 2}}]}| events[0].columns.time is required",
            "{\"name\": \"x\", \"events\": [EVENT, {\"file\": \"b\", \"separator\": \",\", \"channel\": \"call\", \"time_unit\": \"hours\", \"columns\": {\"time\": 0, \"source\": 1, \"target\": 2}}]}| events[1].time_unit must be seconds or milliseconds",
            "{\"name\": \"x\", \"events\": [{\"file\": \"b\", \"separator\": \",\", \"channel\": \"call\", \"epoch\": \"2013-09-01\", \"columns\": {\"time\": 0, \"source\": 1, \"target\": 2}}]}| events[0].epoch must be an ISO-8601 instant such as 1970-01-01T00:00:00Z",
            "{\"name\": \"x\", \"events\": [{\"file\": \"b\", \"separator\": \",\", \"channel\": \"call\", \"missed_value\": -1, \"columns\": {\"time\": 0, \"source\": 1, \"target\": 2}}]}| events[0].missed_value needs columns.duration",
            "{\"name\": \"x\", \"events\": [{\"file\": \"b\", \"separator\": \",\", \"channel\": \"call\", \"missed_value\": \"-1\", \"columns\": {\"time\": 0, \"source\": 1, \"target\": 2, \"duration\": 3}}]}| events[0].missed_value must be an integer",
            "{\"name\": \"x\", \"events\": [{\"file\": \"b\", \"separator\": \",\", \"channel\": \"call\", \"directed\": true, \"columns\": {\"time\": 0, \"source\": 1, \"target\": 2}}]}| events[0].directed is not a known key",
            "{\"name\": \"x\", \"derive_ties\": \"contacts\", \"ties\": [TIE], \"events\": [EVENT]}| derive_ties cannot be combined with ties: declare links or derive them, not both",
            "{\"name\": \"x\", \"derive_ties\": \"friends\", \"events\": [EVENT]}| derive_ties must be \"contacts\", \"reciprocated\" or {\"min_events\": k}",
            "{\"name\": \"x\", \"derive_ties\": {\"min_events\": 0}, \"events\": [EVENT]}| derive_ties.min_events must be a whole number of at least 1",
            "{\"name\": \"x\", \"derive_ties\": {\"min\": 2}, \"events\": [EVENT]}| derive_ties.min is not a known key",
            "{\"name\": \"x\", \"time_origin\": \"unix\", \"events\": [EVENT]}| time_origin must be absolute or relative",
            "{\"name\": \"x\", \"window\": \"owner\", \"events\": [EVENT]}| window must be dataset or node",
            "{\"name\": \"x\", \"ties\": [TIE], \"events\": [{\"file\": \"links.csv\", \"separator\": \",\", \"channel\": \"call\", \"columns\": {\"time\": 0, \"source\": 1, \"target\": 2}}]}| events[0].file names a file that is already listed: each file may be listed once",
        })
        void namesTheOffendingKey(String json, String problem) {
            String doc = json.replace("TIE", TIE).replace("EVENT", EVENT);
            assertThatThrownBy(() -> parse(doc))
                    .isInstanceOf(ReadException.class)
                    .hasMessage("Cannot read network descriptor: " + problem + " (tiedepth-network.json)")
                    .satisfies(e -> assertThat(((ReadException) e).reasonCode()).isEqualTo("bad_descriptor"));
        }

        @Test
        void reportsTheLineOfAJsonSyntaxError() {
            assertThatThrownBy(() -> parse("{\n  \"name\": \"x\",\n  \"ties\": [\n  oops\n]}"))
                    .isInstanceOf(ReadException.class)
                    .hasMessage("Cannot read network descriptor: not valid JSON at line 4 (tiedepth-network.json:4)");
        }

        @Test
        void refusesARepeatedKey() {
            assertThatThrownBy(() -> parse("{\"name\": \"x\",\n\"name\": \"y\"}"))
                    .hasMessage("Cannot read network descriptor: a key is repeated at line 2 (tiedepth-network.json:2)");
        }

        @Test
        void refusesAnythingButAnObject() {
            assertThatThrownBy(() -> parse("[1, 2]"))
                    .hasMessage("Cannot read network descriptor: not a JSON object (tiedepth-network.json)");
            assertThatThrownBy(() -> parse(""))
                    .hasMessage("Cannot read network descriptor: not a JSON object (tiedepth-network.json)");
        }
    }
}
