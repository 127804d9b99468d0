package io.tiedepth.jobs;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.SparkConf;

/**
 * The one Spark session of the test JVM (spark-testing-base keeps one static SparkContext; never create another):
 * {@code local[2]}, 2 shuffle partitions, UI and Hive off, UTC. Spark tests extend this class and use JUnit 4
 * annotations (run on the JUnit 5 platform by the vintage engine).
 */
public abstract class SparkTestBase extends JavaDataFrameSuiteBase {

    @Override
    public SparkConf conf() {
        return new SparkConf()
                .setMaster("local[2]")
                .setAppName("tiedepth-tests")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.sql.shuffle.partitions", "2")
                .set("spark.default.parallelism", "2")
                .set("spark.sql.session.timeZone", "UTC")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.sql.catalogImplementation", "in-memory")
                .set("spark.app.id", "tiedepth-tests");
    }

    @Override
    public boolean enableHiveSupport() {
        return false;
    }

    protected static Timestamp ts(String iso) {
        return Timestamp.from(Instant.parse(iso));
    }
}
