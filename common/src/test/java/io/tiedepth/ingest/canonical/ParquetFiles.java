package io.tiedepth.ingest.canonical;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Test support: writes small Parquet files with parquet-hadoop's example {@code GroupWriteSupport}
 * ({@link ExampleParquetWriter}), through {@code java.nio} (no Hadoop file system, no checksum files).
 */
final class ParquetFiles {
    private ParquetFiles() {
    }

    /**
     * Writes {@code rows} (values in the schema's field order; null for a null) to {@code file}. A value is
     * converted by the field's type: an {@link Instant} to a TIMESTAMP (its unit) or INT96, a String to BINARY,
     * an Integer to INT32, a Long to INT64, a Boolean to BOOLEAN.
     */
    static Path write(Path file, String schema, List<Object[]> rows, CompressionCodecName codec) throws IOException {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        Files.deleteIfExists(file);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(type)
                .withCompressionCodec(codec).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (Object[] row : rows) {
                Group g = groups.newGroup();
                for (int i = 0; i < row.length; i++) {
                    if (row[i] != null) {
                        add(g, i, type.getType(i).asPrimitiveType(), row[i]);
                    }
                }
                w.write(g);
            }
        }
        return file;
    }

    static Path write(Path file, String schema, List<Object[]> rows) throws IOException {
        return write(file, schema, rows, CompressionCodecName.UNCOMPRESSED);
    }

    private static void add(Group g, int i, PrimitiveType t, Object v) {
        switch (t.getPrimitiveTypeName()) {
            case BINARY -> g.add(i, (String) v);
            case BOOLEAN -> g.add(i, (Boolean) v);
            case INT32 -> g.add(i, ((Number) v).intValue());
            case INT96 -> g.add(i, int96((Instant) v));
            case INT64 -> {
                LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
                if (a instanceof TimestampLogicalTypeAnnotation ts) {
                    Instant at = (Instant) v;
                    g.add(i, switch (ts.getUnit()) {
                        case MILLIS -> at.toEpochMilli();
                        case MICROS -> at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
                        case NANOS -> at.getEpochSecond() * 1_000_000_000L + at.getNano();
                    });
                } else {
                    g.add(i, ((Number) v).longValue());
                }
            }
            default -> throw new IllegalArgumentException("unsupported test type " + t);
        }
    }

    /** Impala's INT96: nanoseconds of the day then the Julian day, little-endian. */
    static Binary int96(Instant at) {
        long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
        long nanos = (at.getEpochSecond() - day * 86_400L) * 1_000_000_000L + at.getNano();
        ByteBuffer buf = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(nanos).putInt((int) (day + 2_440_588L));
        return Binary.fromConstantByteArray(buf.array());
    }

    /** A local file as a Parquet {@link OutputFile}. */
    private record LocalOutputFile(Path path) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(path));
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
