package io.tiedepth.generate;

import io.tiedepth.source.ExportSource;
import io.tiedepth.source.SyntheticMarker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Generates owners one at a time: samples the owner ({@link OwnerModel}), writes its export into the inbox with
 * its platform's {@link ExportWriter} (a folder, or a .zip for {@code format.zipShare} of owners) with the
 * {@link SyntheticMarker} at its root (so the ingest and the report know the donation is generated) and measures its
 * {@link OwnerTruth}. Plain Java; the Spark job calls it inside tasks, tests call it directly. Serializable (it holds
 * only the parameters, the seed and the platforms), so a task can rebuild the model.
 */
public final class Generator implements Serializable {
    private static final long serialVersionUID = 1L;
    private final GeneratorParams params;
    private final long seed;
    private final List<String> platforms;
    private transient OwnerModel model;

    public Generator(GeneratorParams params, long seed, List<String> platforms) {
        for (String p : platforms) {
            ExportWriter.forPlatform(p);
        }
        this.params = params;
        this.seed = seed;
        this.platforms = List.copyOf(platforms);
    }

    public GeneratorParams params() {
        return params;
    }

    public long seed() {
        return seed;
    }

    public List<String> platforms() {
        return platforms;
    }

    public OwnerModel model() {
        if (model == null) {
            model = new OwnerModel(params, seed, platforms);
        }
        return model;
    }

    /** The export's name in the inbox: {@code synth-<index, zero-padded>-<platform>} (+ {@code .zip}). */
    public static String exportName(int index, int owners, String platform, boolean zipped) {
        int width = Math.max(6, String.valueOf(Math.max(0, owners - 1)).length());
        return String.format("synth-%0" + width + "d-%s%s", index, platform, zipped ? ".zip" : "");
    }

    /** Owner {@code index} measured without writing anything (path and export_id null): for fast tests of the model. */
    public OwnerSummary measure(int index) {
        return measure(model().sampleWithoutPeople(index));
    }

    /** An owner sampled by this generator's model, measured (path and export_id null). */
    public OwnerSummary measure(SynthOwner o) {
        OwnerTruth truth = OwnerTruth.of(o, params.features(), model().waveDates(), params.messages().waveSpreadDays());
        return new OwnerSummary(o.index(), o.platform(), o.era(), o.zipped(), null, null, 0, new TreeMap<>(), truth);
    }

    /** Generates owner {@code index} of {@code owners} into {@code inbox}. */
    public OwnerSummary generate(int index, int owners, Path inbox) throws IOException {
        return generate(index, owners, inbox, ExportWriter::forPlatform);
    }

    /** As {@link #generate(int, int, Path)}, with the writer {@code writers} gives for the owner's platform. */
    OwnerSummary generate(int index, int owners, Path inbox, Function<String, ExportWriter> writers)
            throws IOException {
        SynthOwner o = model().sample(index);
        String name = exportName(index, owners, o.platform(), o.zipped());
        Path location = inbox.resolve(name);
        ExportWriter writer = writers.apply(o.platform());
        Map<String, Long> rows;
        try (ExportSink sink = o.zipped()
                ? ExportSink.zip(location, o.exportAt().atOffset(ZoneOffset.UTC).toLocalDateTime())
                : ExportSink.folder(location)) {
            rows = writer.write(o, sink);
            try (OutputStream marker = sink.open(SyntheticMarker.FILE_NAME)) {
                marker.write(SyntheticMarker.content());
            }
        }
        long bytes;
        String exportId;
        try (ExportSource written = ExportSource.open(location)) {
            bytes = written.sizeBytes();
            exportId = written.exportId();
        }
        OwnerTruth truth = OwnerTruth.of(o, params.features(), model().waveDates(), params.messages().waveSpreadDays());
        return new OwnerSummary(index, o.platform(), o.era(), o.zipped(), name, exportId, bytes, new TreeMap<>(rows),
                truth);
    }
}
