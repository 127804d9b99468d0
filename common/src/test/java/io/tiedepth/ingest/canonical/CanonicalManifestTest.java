package io.tiedepth.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tiedepth.model.Canonical;
import io.tiedepth.text.ReadException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalManifestTest {
    @TempDir
    Path tmp;

    private static CanonicalManifest parse(String json) throws Exception {
        return CanonicalManifest.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                CanonicalManifest.FILE_NAME);
    }

    @Test
    void readsPlatformsAndFiles() throws Exception {
        CanonicalManifest m = parse("""
                {"version": 1, "producer": "tool 2", "platforms": ["linkedin", "x_2"],
                 "ties": "tables/ties.csv", "interactions": "interactions.PARQUET"}""");
        assertThat(m.platforms()).containsExactly("linkedin", "x_2");
        assertThat(m.files()).isEqualTo(Map.of(CanonicalTable.TIES, "tables/ties.csv",
                CanonicalTable.INTERACTIONS, "interactions.PARQUET"));
        assertThat(m.file(CanonicalTable.INVITATIONS)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {}                                                                      | version is required (1)
            {"version": 2, "platforms": ["a"], "ties": "t.csv"}                      | version must be 1
            {"version": "1", "platforms": ["a"], "ties": "t.csv"}                    | version must be 1
            {"version": 1, "ties": "t.csv"}                                         | platforms is required: the list of platforms the rows name, e.g. ["linkedin"]
            {"version": 1, "platforms": [], "ties": "t.csv"}                         | platforms must be a non-empty list of platform names
            {"version": 1, "platforms": "linkedin", "ties": "t.csv"}                 | platforms must be a non-empty list of platform names
            {"version": 1, "platforms": ["LinkedIn"], "ties": "t.csv"}               | platforms must hold lower-case names of 1 to 32 letters, digits or '_', starting with a letter
            {"version": 1, "platforms": ["a", "a"], "ties": "t.csv"}                 | platforms lists a platform twice
            {"version": 1, "platforms": ["a"], "tie": "t.csv"}                       | tie is not a known key (known: version, platforms, ties, interactions, invitations, producer)
            {"version": 1, "platforms": ["a"], "ties": "../t.csv"}                   | ties must be a relative '/'-separated path inside the export
            {"version": 1, "platforms": ["a"], "ties": "/t.csv"}                     | ties must be a relative '/'-separated path inside the export
            {"version": 1, "platforms": ["a"], "ties": 3}                            | ties must be a relative '/'-separated path inside the export
            {"version": 1, "platforms": ["a"], "ties": "t.txt"}                      | ties must name a .csv or a .parquet file
            {"version": 1, "platforms": ["a"], "ties": "t.csv", "interactions": "t.csv"} | interactions names a file that is already named: each table needs its own file
            {"version": 1, "platforms": ["a"], "invitations": "i.csv"}              | ties and interactions are both absent: name at least one of them
            {"version": 1, "platforms": ["a"], "ties": "t.csv", "producer": 5}       | producer must be a string
            {"version": 1, "platforms": ["a"], "ties": "*.parquet"}                  | ties may use '*' only as <folder>/*.parquet or <folder>/*.csv (every such file of the folder)
            {"version": 1, "platforms": ["a"], "ties": "t*/p.parquet"}               | ties may use '*' only as <folder>/*.parquet or <folder>/*.csv (every such file of the folder)
            [1, 2]                                                                  | the manifest must be a JSON object
            {"version": 1,                                                          | not valid JSON at line 1
            {"version": 1, "version": 1}                                            | a key is repeated at line 1
            """)
    void rejectsAnInvalidManifestNamingTheKey(String json, String problem) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(ReadException.class)
                .hasMessageStartingWith("Cannot read canonical manifest: " + problem + " (tiedepth-canonical.json");
    }

    @Test
    void namesAFolderOfPartFilesWithAPattern() throws Exception {
        CanonicalManifest m = parse("""
                {"version": 1, "platforms": ["a"], "ties": "tables/ties/*.parquet"}""");
        List<String> paths = List.of("tables/ties/._SUCCESS.crc", "tables/ties/.part-1.parquet.crc",
                "tables/ties/_SUCCESS", "tables/ties/deeper/part-9.parquet", "tables/ties/part-1.PARQUET",
                "tables/ties/part-0.parquet", "tables/ties/part-2.csv", "tables/ties.parquet");
        assertThat(CanonicalManifest.members(paths, "", m.file(CanonicalTable.TIES)))
                .containsExactly("tables/ties/part-0.parquet", "tables/ties/part-1.PARQUET");
        assertThat(CanonicalManifest.members(paths, "", "tables/ties.parquet")).containsExactly("tables/ties.parquet");
        assertThat(CanonicalManifest.members(paths, "x/", "tables/ties.parquet")).isEmpty();
    }

    @Test
    void refusesAManifestLargerThan64KiB() {
        String big = "{\"version\": 1, \"platforms\": [\"a\"], \"ties\": \"t.csv\", \"producer\": \""
                + "x".repeat(CanonicalManifest.MAX_BYTES) + "\"}";
        assertThatThrownBy(() -> parse(big)).hasMessage(
                "Cannot read canonical manifest: larger than 65536 bytes (tiedepth-canonical.json)");
    }

    @Test
    void anInvalidManifestRejectsTheExportAsAWhole() throws Exception {
        Path dir = CanonicalExports.export(tmp.resolve("m"), "{\"version\": 1, \"platforms\": [\"linkedin\"]}",
                "ties.csv", CanonicalExports.TIES_HEADER + "\n");
        List<Canonical.Export> out = CanonicalExports.ingest(dir);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).export().status()).isEqualTo("rejected");
        assertThat(out.get(0).export().platform()).isEqualTo("canonical");
        assertThat(out.get(0).rejects()).extracting(Canonical.RejectRow::reasonCode, Canonical.RejectRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bad_manifest", "Cannot read canonical manifest: "
                        + "ties and interactions are both absent: name at least one of them (tiedepth-canonical.json)"));
    }
}
