package io.tiedepth.schema;

import static io.tiedepth.schema.Schemas.opt;
import static io.tiedepth.schema.Schemas.req;
import static io.tiedepth.schema.Schemas.struct;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Column names and schemas of the {@code stats/} tables (DESIGN §7–8): claims, cohorts, curves, layers. The CSV
 * reports have the same columns in the same order, plus {@code suppressed}. Definitions: README "Definitions".
 */
public final class StatsTables {
    private StatsTables() {
    }

    // claims
    public static final String CLAIM_ID = "claim_id";
    public static final String SEEDS = "seeds";
    public static final String STATEMENT = "statement";
    public static final String STATISTIC = "statistic";
    public static final String NULL_VALUE = "null_value";
    public static final String ESTIMATE = "estimate";
    public static final String CI_LOW = "ci_low";
    public static final String CI_HIGH = "ci_high";
    public static final String CI_LOW_ADJUSTED = "ci_low_adjusted";
    public static final String CI_HIGH_ADJUSTED = "ci_high_adjusted";
    public static final String CI_LEVEL_ADJUSTED = "ci_level_adjusted";
    public static final String P_VALUE = "p_value";
    public static final String P_HOLM = "p_holm";
    public static final String N_OWNERS = "n_owners";
    public static final String VERDICT = "verdict";
    public static final String REASON = "reason";
    public static final String EXTRA = "extra";
    public static final String DEFINITION_VERSION = "definition_version";
    public static final String SEED = "seed";
    public static final String RESAMPLES = "resamples";

    // cohorts
    public static final String GROUPING = "grouping";
    public static final String COHORT = "cohort";
    public static final String BIN_LOWER = "bin_lower";
    public static final String BIN_UPPER = "bin_upper";
    public static final String METRIC = "metric";
    public static final String OWNERS = "owners";
    public static final String MEDIAN = "median";
    public static final String Q1 = "q1";
    public static final String Q3 = "q3";
    public static final String MEAN = "mean";
    public static final String MEAN_CI_LOW = "mean_ci_low";
    public static final String MEAN_CI_HIGH = "mean_ci_high";
    public static final String CI_METHOD = "ci_method";

    // curves
    public static final String BIN_INDEX = "bin_index";
    public static final String CENTER = "center";
    public static final String MEAN_N_TIES = "mean_n_ties";
    public static final String STANDARD_ERROR = "standard_error";
    public static final String PEAK = "peak";

    // layers
    public static final String GROUP = "group";
    public static final String LAYER = "layer";
    public static final String MEDIAN_SIZE = "median_size";
    public static final String Q1_SIZE = "q1_size";
    public static final String Q3_SIZE = "q3_size";
    public static final String MEAN_SIZE = "mean_size";
    public static final String MEDIAN_RATIO = "median_ratio";
    public static final String Q1_RATIO = "q1_ratio";
    public static final String Q3_RATIO = "q3_ratio";
    public static final String REFERENCE_SIZE = "reference_size";
    public static final String REFERENCE_RATIO = "reference_ratio";

    // published results side by side
    public static final String SOURCE = "source";
    public static final String MEASURE = "measure";
    public static final String PUBLISHED = "published";
    public static final String FOUND = "found";

    /** The CSV-only column: true when the row describes fewer than k_min owners and its numbers are blanked. */
    public static final String SUPPRESSED = "suppressed";

    public static final StructType CLAIMS = struct(
            req(CLAIM_ID, DataTypes.StringType),
            req(SEEDS, DataTypes.StringType),
            req(STATEMENT, DataTypes.StringType),
            req(STATISTIC, DataTypes.StringType),
            opt(NULL_VALUE, DataTypes.DoubleType),
            opt(ESTIMATE, DataTypes.DoubleType),
            opt(CI_LOW, DataTypes.DoubleType),
            opt(CI_HIGH, DataTypes.DoubleType),
            opt(CI_LOW_ADJUSTED, DataTypes.DoubleType),
            opt(CI_HIGH_ADJUSTED, DataTypes.DoubleType),
            opt(CI_LEVEL_ADJUSTED, DataTypes.DoubleType),
            opt(P_VALUE, DataTypes.DoubleType),
            opt(P_HOLM, DataTypes.DoubleType),
            req(N_OWNERS, DataTypes.LongType),
            req(Columns.N_TIES, DataTypes.LongType),
            req(VERDICT, DataTypes.StringType),
            req(REASON, DataTypes.StringType),
            req(EXTRA, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false)),
            req(DEFINITION_VERSION, DataTypes.StringType),
            req(SEED, DataTypes.LongType),
            req(RESAMPLES, DataTypes.IntegerType),
            req(Columns.PLATFORM, DataTypes.StringType));

    public static final StructType COHORTS = struct(
            req(GROUPING, DataTypes.StringType),
            req(COHORT, DataTypes.StringType),
            opt(BIN_LOWER, DataTypes.DoubleType),
            opt(BIN_UPPER, DataTypes.DoubleType),
            req(METRIC, DataTypes.StringType),
            req(OWNERS, DataTypes.LongType),
            opt(MEDIAN, DataTypes.DoubleType),
            opt(Q1, DataTypes.DoubleType),
            opt(Q3, DataTypes.DoubleType),
            opt(MEAN, DataTypes.DoubleType),
            opt(MEAN_CI_LOW, DataTypes.DoubleType),
            opt(MEAN_CI_HIGH, DataTypes.DoubleType),
            req(CI_METHOD, DataTypes.StringType),
            req(SUPPRESSED, DataTypes.BooleanType));

    public static final StructType CURVES = struct(
            req(METRIC, DataTypes.StringType),
            req(BIN_INDEX, DataTypes.IntegerType),
            req(BIN_LOWER, DataTypes.DoubleType),
            req(BIN_UPPER, DataTypes.DoubleType),
            req(CENTER, DataTypes.DoubleType),
            req(OWNERS, DataTypes.LongType),
            opt(MEAN_N_TIES, DataTypes.DoubleType),
            opt(MEAN, DataTypes.DoubleType),
            opt(STANDARD_ERROR, DataTypes.DoubleType),
            opt(MEDIAN, DataTypes.DoubleType),
            opt(Q1, DataTypes.DoubleType),
            opt(Q3, DataTypes.DoubleType),
            req(PEAK, DataTypes.BooleanType),
            req(SUPPRESSED, DataTypes.BooleanType));

    public static final StructType LAYERS = struct(
            req(GROUP, DataTypes.StringType),
            req(LAYER, DataTypes.IntegerType),
            req(OWNERS, DataTypes.LongType),
            opt(MEDIAN_SIZE, DataTypes.DoubleType),
            opt(Q1_SIZE, DataTypes.DoubleType),
            opt(Q3_SIZE, DataTypes.DoubleType),
            opt(MEAN_SIZE, DataTypes.DoubleType),
            opt(MEDIAN_RATIO, DataTypes.DoubleType),
            opt(Q1_RATIO, DataTypes.DoubleType),
            opt(Q3_RATIO, DataTypes.DoubleType),
            opt(REFERENCE_SIZE, DataTypes.DoubleType),
            opt(REFERENCE_RATIO, DataTypes.DoubleType),
            req(SUPPRESSED, DataTypes.BooleanType));

    /** {@code stats/published}: published results beside what tiedepth finds ({@code PublishedResults}). */
    public static final StructType PUBLISHED_RESULTS = struct(
            req(GROUP, DataTypes.StringType),
            req(SOURCE, DataTypes.StringType),
            req(MEASURE, DataTypes.StringType),
            req(PUBLISHED, DataTypes.StringType),
            req(FOUND, DataTypes.StringType),
            req(OWNERS, DataTypes.LongType),
            req(SUPPRESSED, DataTypes.BooleanType));
}
