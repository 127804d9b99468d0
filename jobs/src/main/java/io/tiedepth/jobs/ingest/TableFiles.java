package io.tiedepth.jobs.ingest;

import io.tiedepth.schema.Columns;
import io.tiedepth.schema.Schemas;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import scala.collection.immutable.Map$;

/**
 * Writes the tagged rows of one parse task ({@link CanonicalRows}) straight into one Parquet file per table and
 * task, {@code <root>/<table>/part-<task>.snappy.parquet}, with Spark's own Parquet writer: the parsed rows are
 * encoded once and never read back to be split by table. The files are those {@code DataFrameWriter.parquet} would
 * write for the same rows (same schema, nullable at the top level like a {@code select("table.*")}, same codec and
 * metadata), except that the pseudonymous ids in {@link #NO_DICTIONARY} are written without a dictionary.
 *
 * <p>Dangers: the files are written outside Spark's commit protocol, so {@code root} must be a scratch folder that
 * only this job writes and that is published (or deleted) as a whole afterwards; a task that runs again overwrites
 * its own files. A table with no row in a task gets no file from it.
 */
final class TableFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * HMAC ids with (nearly) one value per row: a dictionary for them grows until Parquet gives it up and falls back
     * to plain encoding, after hashing and comparing every value (issue 15). {@code owner_id} and {@code export_id}
     * repeat within a file and keep theirs.
     */
    static final List<String> NO_DICTIONARY = List.of(Columns.CONTACT_ID, Columns.THREAD_ID, Columns.COUNTERPART_ID);
    static final Map<String, StructType> SCHEMAS = schemas();

    private final String root;
    private final Map<String, Prepared> prepared;

    /** One table's writer factory and the Hadoop settings it was prepared with (its schema among them). */
    private record Prepared(OutputWriterFactory factory, SerializableConfiguration conf) implements Serializable {
    }

    private TableFiles(String root, Map<String, Prepared> prepared) {
        this.root = root;
        this.prepared = prepared;
    }

    /** Prepares the writers on the driver (Spark's Parquet settings of this session, plus {@link #writeOptions()}). */
    static TableFiles prepare(SparkSession spark, String root) {
        try {
            Map<String, Prepared> prepared = new HashMap<>();
            for (String table : CanonicalRows.TABLES) {
                Job job = Job.getInstance(spark.sessionState().newHadoopConf());
                writeOptions().forEach(job.getConfiguration()::set);
                OutputWriterFactory factory = new ParquetFileFormat().prepareWrite(spark, job,
                        Map$.MODULE$.<String, String>empty(), SCHEMAS.get(table));
                prepared.put(table, new Prepared(factory, new SerializableConfiguration(job.getConfiguration())));
            }
            return new TableFiles(root, Map.copyOf(prepared));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the table writers", e);
        }
    }

    /** The Parquet options of every canonical table write: no dictionary for {@link #NO_DICTIONARY}. */
    static Map<String, String> writeOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        NO_DICTIONARY.forEach(c -> options.put("parquet.enable.dictionary#" + c, "false"));
        return options;
    }

    /** The folder of {@code table}'s files. */
    String folder(String table) {
        return root + "/" + table;
    }

    /**
     * Writes one task's tagged rows (skipped rows are only counted) and returns the rows per kind, every table and
     * {@link CanonicalRows#SKIPPED} included.
     */
    Map<String, Long> write(int task, java.util.Iterator<Row> tagged) {
        Map<String, Long> counts = new LinkedHashMap<>();
        CanonicalRows.TABLES.forEach(t -> counts.put(t, 0L));
        counts.put(CanonicalRows.SKIPPED, 0L);
        Map<String, Writer> open = new HashMap<>();
        try {
            while (tagged.hasNext()) {
                Row r = tagged.next();
                String kind = r.getString(0);
                counts.merge(kind, 1L, Long::sum);
                if (!kind.equals(CanonicalRows.SKIPPED)) {
                    open.computeIfAbsent(kind, t -> new Writer(t, task)).write(CanonicalRows.payload(r));
                }
            }
        } finally {
            open.values().forEach(Writer::close);
        }
        return counts;
    }

    /** One table's file of one task: rows encoded as Spark does, then handed to Spark's Parquet writer. */
    private final class Writer {
        private final OutputWriter out;
        private final ExpressionEncoder.Serializer<Row> toInternal;

        Writer(String table, int task) {
            Configuration c = new Configuration(prepared.get(table).conf().value());
            TaskAttemptContext context = new TaskAttemptContextImpl(c,
                    new TaskAttemptID(new TaskID(new JobID("ingest", 0), TaskType.MAP, task), 0));
            OutputWriterFactory factory = prepared.get(table).factory();
            String file = String.format("%s/part-%05d%s", folder(table), task, factory.getFileExtension(context));
            try {
                Path p = new Path(file);
                p.getFileSystem(c).delete(p, false);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot replace an earlier attempt's file of " + table, e);
            }
            out = factory.newInstance(file, SCHEMAS.get(table), context);
            toInternal = ExpressionEncoder.apply(SCHEMAS.get(table)).createSerializer();
        }

        void write(Row row) {
            out.write(toInternal.apply(row));
        }

        void close() {
            out.close();
        }
    }

    /** Each table's schema as {@code select(col("table.*"))} of the tagged rows gives it: top-level fields nullable. */
    private static Map<String, StructType> schemas() {
        Map<String, StructType> tables = Map.of(CanonicalRows.EXPORTS, Schemas.EXPORTS, CanonicalRows.TIES, Schemas.TIES,
                CanonicalRows.INTERACTIONS, Schemas.INTERACTIONS, CanonicalRows.INVITATIONS, Schemas.INVITATIONS,
                CanonicalRows.REJECTS, Schemas.REJECTS);
        Map<String, StructType> out = new HashMap<>();
        tables.forEach((t, s) -> out.put(t, new StructType(Arrays.stream(s.fields())
                .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata()))
                .toArray(StructField[]::new))));
        return Map.copyOf(out);
    }
}
