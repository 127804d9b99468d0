package io.tiedepth.jobs.features;

import static io.tiedepth.schema.Columns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.jobs.SparkTestBase;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.Before;
import org.junit.Test;

/** Tie features on the hand-built owner of {@link FeatureFixture}; expected values are worked out by hand. */
public class TieFeaturesTest extends SparkTestBase {
    private Map<String, Row> byContact;

    @Before
    public void computeFeatures() {
        FeatureFixture f = new FeatureFixture();
        Dataset<Row> analysed = AnalysedExports.select(f.exports(spark()));
        List<Row> rows = TieFeatures.compute(analysed, f.ties(spark()), f.interactions(spark()),
                FeatureParams.DEFAULTS).collectAsList();
        byContact = new HashMap<>();
        rows.forEach(r -> byContact.put(r.getAs(CONTACT_ID), r));
    }

    @Test
    public void oneRowPerContactIncludingContactsWithoutTie() {
        assertThat(byContact).hasSize(16);
        assertThat((Boolean) byContact.get("X").getAs(IS_TIE)).isFalse();
        assertThat((Boolean) byContact.get("A").getAs(IS_TIE)).isTrue();
    }

    @Test
    public void threeMonthsOfTwoWayMessagesIsSustained() {
        Row a = byContact.get("A");
        assertThat((String) a.getAs(DEPTH)).isEqualTo("sustained");
        assertThat((Boolean) a.getAs(RECIPROCAL)).isTrue();
        assertThat((Long) a.getAs(MSGS_OUT)).isEqualTo(2L);
        assertThat((Long) a.getAs(MSGS_IN)).isEqualTo(2L);
        assertThat((Long) a.getAs(ACTIVE_PERIODS)).isEqualTo(3L);
        assertThat((Long) a.getAs(ACTIVE_MONTHS)).isEqualTo(3L);
        assertThat((Long) a.getAs(ACTIVE_DAYS)).isEqualTo(4L);
        assertThat((Long) a.getAs(channelCount("message"))).isEqualTo(4L);
        assertThat((Long) a.getAs(channelCount("call"))).isEqualTo(0L);
        assertThat((String) a.getAs(INITIATED_BY)).isEqualTo("owner");
        assertThat((Double) a.getAs(DAYS_TO_FIRST_INTERACTION)).isCloseTo(31.0 + 10.0 / 24, within(1e-9));
        assertThat((Boolean) a.getAs(INTERACTED_WITHIN_180D)).isTrue();
    }

    @Test
    public void contactFrequencyIsInteractionsPerYearOfObservedLife() {
        // A: 4 interactions over 2023-01-01..2024-01-01 = 365 days
        assertThat((Double) byContact.get("A").getAs(OBSERVED_DAYS)).isCloseTo(365.0, within(1e-9));
        assertThat((Double) byContact.get("A").getAs(CONTACT_FREQUENCY)).isCloseTo(4 / (365 / 365.25), within(1e-9));
        // B: connected 2023-06-01, 214 days to the window's end, one message
        assertThat((Double) byContact.get("B").getAs(CONTACT_FREQUENCY)).isCloseTo(1 / (214 / 365.25), within(1e-9));
        assertThat((Boolean) byContact.get("B").getAs(ACTIVE)).isTrue();
        // X: no connection date, so the life starts at the first interaction (2023-05-05 10:00)
        double xDays = 365 - 124 - 10.0 / 24;
        assertThat((Double) byContact.get("X").getAs(OBSERVED_DAYS)).isCloseTo(xDays, within(1e-9));
    }

    @Test
    public void depthOfOneWayAndSilentTies() {
        assertThat((String) byContact.get("B").getAs(DEPTH)).isEqualTo("one_way");
        assertThat((String) byContact.get("E").getAs(DEPTH)).isEqualTo("one_way");
        Row c = byContact.get("C");
        assertThat((String) c.getAs(DEPTH)).isEqualTo("none");
        assertThat((Double) c.getAs(CONTACT_FREQUENCY)).isEqualTo(0.0);
        assertThat((Boolean) c.getAs(ACTIVE)).isFalse();
        assertThat((String) c.getAs(INITIATED_BY)).isNull();
        assertThat((Object) c.getAs(DAYS_TO_FIRST_INTERACTION)).isNull();
    }

    @Test
    public void responseWithin180DaysIsNullWhenNotObservable() {
        assertThat((Object) byContact.get("C").getAs(INTERACTED_WITHIN_180D)).isNull();
        assertThat((Boolean) byContact.get("D0").getAs(INTERACTED_WITHIN_180D)).isFalse();
        assertThat((Boolean) byContact.get("B").getAs(INTERACTED_WITHIN_180D)).isTrue();
        assertThat((Boolean) byContact.get("F").getAs(INTERACTED_WITHIN_180D)).isFalse();
    }

    @Test
    public void tenTiesOnOneDayAreBurstAccepted() {
        for (int i = 0; i < 10; i++) {
            assertThat((Boolean) byContact.get("D" + i).getAs(BURST_ACCEPTED)).isTrue();
        }
        assertThat((Boolean) byContact.get("A").getAs(BURST_ACCEPTED)).isFalse();
        assertThat((Object) byContact.get("X").getAs(BURST_ACCEPTED)).isNull();
    }

    @Test
    public void inboundAfterLongSilenceIsReactivation() {
        Row e = byContact.get("E");
        assertThat((Long) e.getAs(REACTIVATIONS)).isEqualTo(1L);
        assertThat((Boolean) e.getAs(REACTIVATED)).isTrue();
        List<Timestamp> at = e.getList(e.fieldIndex(REACTIVATED_AT));
        assertThat(at).containsExactly(FeatureFixture.ts("2023-08-01T10:00:00Z"));
        assertThat((Long) byContact.get("F").getAs(REACTIVATIONS)).isEqualTo(1L);
        assertThat((Long) byContact.get("A").getAs(REACTIVATIONS)).isEqualTo(0L);
        assertThat(byContact.get("C").getList(byContact.get("C").fieldIndex(REACTIVATED_AT))).isEmpty();
    }

    @Test
    public void contactWithoutTieInitiatedByContact() {
        Row x = byContact.get("X");
        assertThat((String) x.getAs(INITIATED_BY)).isEqualTo("contact");
        assertThat((String) x.getAs(PLATFORM)).isEqualTo("linkedin");
        assertThat((Object) x.getAs(CONNECTED_AT)).isNull();
    }
}
