package io.tiedepth.ingest.canonical;

import io.tiedepth.ingest.canonical.CanonicalTable.Column;
import io.tiedepth.ingest.canonical.CanonicalTable.Kind;
import io.tiedepth.text.ReadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * A canonical table as a Parquet file on the local disk, read without Spark by parquet-hadoop's
 * {@link ParquetReader} with the example {@link GroupReadSupport}, one record at a time, projected onto the
 * canonical columns (other columns are never decoded).
 *
 * <p>Column types accepted (a column is a single value, required or optional; a list or group is refused):
 * <ul>
 *   <li>text columns (platform, ids, enums): {@code BINARY}, plain or annotated {@code STRING}/{@code ENUM};</li>
 *   <li>times: {@code INT64} annotated {@code TIMESTAMP} in milli-, micro- or nanoseconds (Spark writes
 *       {@code TIMESTAMP_MICROS}), legacy {@code INT96} (Impala, Hive, older Spark), a plain {@code INT64} read as
 *       epoch milliseconds, or a string read as in CSV. A timestamp that is not adjusted to UTC (Spark's
 *       {@code TIMESTAMP_NTZ}) is read as UTC, with a warning;</li>
 *   <li>booleans: {@code BOOLEAN}, or a string;</li>
 *   <li>counts: {@code INT32} or {@code INT64}, plain or integer-annotated, or a string.</li>
 * </ul>
 * Another type rejects the file ({@code bad_column_type}, naming the column, its type and the types accepted).
 * Strings are decoded as UTF-8 and trimmed; an empty string is empty, as in CSV.
 */
final class ParquetTableFile implements TableFile {
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private final ParquetReader<Group> reader;
    private final int[] fields;
    private final Decoder[] decoders;
    private final List<String> warnings;
    private long row;

    private enum Decoder { TEXT, BOOLEAN, INT32, INT64, MILLIS, MICROS, NANOS, INT96 }

    private ParquetTableFile(ParquetReader<Group> reader, int[] fields, Decoder[] decoders, List<String> warnings) {
        this.reader = reader;
        this.fields = fields;
        this.decoders = decoders;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Opens the Parquet file {@code local} and checks its schema.
     *
     * @param file the file's path in the export, for messages
     * @throws ReadException {@code unreadable_file} (not Parquet, corrupt footer), {@code missing_column},
     *                       {@code duplicate_column}, {@code bad_column_type}
     */
    static ParquetTableFile open(Path local, CanonicalTable table, String file) throws ReadException {
        String base = file.substring(file.lastIndexOf('/') + 1);
        InputFile input = new LocalInputFile(local);
        MessageType schema;
        try (ParquetFileReader footer = ParquetFileReader.open(input)) {
            schema = footer.getFooter().getFileMetaData().getSchema();
        } catch (IOException | RuntimeException e) {
            throw new ReadException("unreadable_file", "Cannot read " + base + ": not a readable Parquet file ("
                    + e.getClass().getSimpleName() + ")", file, 0);
        }
        List<String> names = new ArrayList<>();
        schema.getFields().forEach(f -> names.add(f.getName()));
        TableHeader header = TableHeader.of(table, names, file);
        List<String> warnings = new ArrayList<>(header.warnings());
        List<Column> columns = table.columns();
        int[] positions = header.positions();
        List<Type> projected = new ArrayList<>();
        Decoder[] decoders = new Decoder[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] >= 0) {
                Type t = schema.getType(positions[i]);
                decoders[i] = decoder(columns.get(i), t, base, file, warnings);
                projected.add(t);
            }
        }
        MessageType projection = new MessageType(schema.getName(), projected);
        int[] fields = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            fields[i] = positions[i] < 0 ? -1 : projection.getFieldIndex(schema.getType(positions[i]).getName());
        }
        try {
            ParquetReader<Group> reader = new Builder(input, projection).build();
            return new ParquetTableFile(reader, fields, decoders, warnings);
        } catch (IOException | RuntimeException e) {
            throw new ReadException("unreadable_file", "Cannot read " + base + ": not a readable Parquet file ("
                    + e.getClass().getSimpleName() + ")", file, 0);
        }
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public Row next() throws IOException {
        Group g;
        try {
            g = reader.read();
        } catch (RuntimeException e) {
            throw new IOException("Cannot decode the record (" + e.getClass().getSimpleName() + ")", e);
        }
        if (g == null) {
            return null;
        }
        row++;
        Object[] cells = new Object[fields.length];
        for (int i = 0; i < cells.length; i++) {
            int f = fields[i];
            if (f >= 0 && g.getFieldRepetitionCount(f) > 0) {
                cells[i] = decode(g, f, decoders[i]);
            }
        }
        return Row.of("row " + row, cells);
    }

    @Override
    public String nextLocation() {
        return "row " + (row + 1);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static Object decode(Group g, int f, Decoder d) {
        return switch (d) {
            case TEXT -> {
                String s = g.getBinary(f, 0).toStringUsingUTF8().strip();
                yield s.isEmpty() ? null : s;
            }
            case BOOLEAN -> g.getBoolean(f, 0);
            case INT32 -> (long) g.getInteger(f, 0);
            case INT64 -> g.getLong(f, 0);
            case MILLIS -> Instant.ofEpochMilli(g.getLong(f, 0));
            case MICROS -> instant(g.getLong(f, 0), 1_000_000L);
            case NANOS -> instant(g.getLong(f, 0), 1_000_000_000L);
            case INT96 -> int96(g.getInt96(f, 0));
        };
    }

    private static Instant instant(long value, long perSecond) {
        return Instant.ofEpochSecond(Math.floorDiv(value, perSecond),
                Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond));
    }

    /** Impala's INT96: nanoseconds of the day (8 bytes) then the Julian day (4 bytes), little-endian. */
    static Instant int96(Binary b) {
        ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buf.getLong();
        long julianDay = buf.getInt();
        return Instant.ofEpochSecond((julianDay - JULIAN_DAY_OF_EPOCH) * 86_400L).plusNanos(nanosOfDay);
    }

    /** How the column's values are decoded, or why its type is refused. */
    private static Decoder decoder(Column c, Type t, String base, String file, List<String> warnings)
            throws ReadException {
        Kind kind = c.kind();
        if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
            throw badType(c, "a list or a group", base, file);
        }
        PrimitiveType p = t.asPrimitiveType();
        PrimitiveTypeName name = p.getPrimitiveTypeName();
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (name == PrimitiveTypeName.BINARY && (a == null || a instanceof StringLogicalTypeAnnotation
                || a instanceof EnumLogicalTypeAnnotation)) {
            return Decoder.TEXT;
        }
        switch (kind) {
            case TIME -> {
                if (name == PrimitiveTypeName.INT96) {
                    return Decoder.INT96;
                }
                if (name == PrimitiveTypeName.INT64 && a == null) {
                    return Decoder.INT64;
                }
                if (name == PrimitiveTypeName.INT64 && a instanceof TimestampLogicalTypeAnnotation ts) {
                    if (!ts.isAdjustedToUTC()) {
                        warnings.add(file + ": column " + c.name() + " is a timestamp without time zone; read as UTC");
                    }
                    return switch (ts.getUnit()) {
                        case MILLIS -> Decoder.MILLIS;
                        case MICROS -> Decoder.MICROS;
                        case NANOS -> Decoder.NANOS;
                    };
                }
            }
            case BOOLEAN -> {
                if (name == PrimitiveTypeName.BOOLEAN) {
                    return Decoder.BOOLEAN;
                }
            }
            case COUNT -> {
                if ((name == PrimitiveTypeName.INT32 || name == PrimitiveTypeName.INT64)
                        && (a == null || a instanceof IntLogicalTypeAnnotation)) {
                    return name == PrimitiveTypeName.INT32 ? Decoder.INT32 : Decoder.INT64;
                }
            }
            default -> {
            }
        }
        throw badType(c, name + (a == null ? "" : " (" + a + ")"), base, file);
    }

    private static ReadException badType(Column c, String found, String base, String file) {
        String expected = switch (c.kind()) {
            case TIME -> "a timestamp, INT96, INT64 epoch milliseconds or a string";
            case BOOLEAN -> "a boolean or a string";
            case COUNT -> "an INT32 or INT64 integer or a string";
            default -> "a string";
        };
        return new ReadException("bad_column_type", "Cannot read " + base + ": column " + c.name() + " is "
                + found + ", expected " + expected, file, 0);
    }

    /** The reader over one local file, decoding only the projected columns. */
    private static final class Builder extends ParquetReader.Builder<Group> {
        private final MessageType projection;

        Builder(InputFile file, MessageType projection) {
            super(file);
            this.projection = projection;
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport() {
                @Override
                public ReadContext init(InitContext context) {
                    return new ReadContext(projection, Map.of());
                }
            };
        }
    }
}
