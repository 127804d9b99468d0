package io.tiedepth.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.tiedepth.model.Canonical;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tie features on the hand-built owner of {@link FeatureFixture}; expected values are worked out by hand. */
class TieFeaturesTest {
    private Map<String, TieFeature> byContact;

    @BeforeEach
    void computeFeatures() {
        byContact = new HashMap<>();
        new FeatureFixture().features().tieFeatures().forEach(r -> byContact.put(r.contactId(), r));
    }

    @Test
    void oneRowPerContactIncludingContactsWithoutTie() {
        assertThat(byContact).hasSize(16);
        assertThat(byContact.get("X").isTie()).isFalse();
        assertThat(byContact.get("A").isTie()).isTrue();
    }

    @Test
    void threeMonthsOfTwoWayMessagesIsSustained() {
        TieFeature a = byContact.get("A");
        assertThat(a.depth().label()).isEqualTo("sustained");
        assertThat(a.reciprocal()).isTrue();
        assertThat(a.activity().msgsOut()).isEqualTo(2L);
        assertThat(a.activity().msgsIn()).isEqualTo(2L);
        assertThat(a.activity().activePeriods()).isEqualTo(3L);
        assertThat(a.activity().activeMonths()).isEqualTo(3L);
        assertThat(a.activity().activeDays()).isEqualTo(4L);
        assertThat(a.activity().channels().of("message")).isEqualTo(4L);
        assertThat(a.activity().channels().of("call")).isEqualTo(0L);
        assertThat(a.initiatedBy()).isEqualTo("owner");
        assertThat(a.daysToFirstInteraction()).isCloseTo(31.0 + 10.0 / 24, within(1e-9));
        assertThat(a.interactedWithin180d()).isTrue();
    }

    @Test
    void contactFrequencyIsInteractionsPerYearOfObservedLife() {
        // A: 4 interactions over 2023-01-01..2024-01-01 = 365 days
        assertThat(byContact.get("A").observedDays()).isCloseTo(365.0, within(1e-9));
        assertThat(byContact.get("A").contactFrequency()).isCloseTo(4 / (365 / 365.25), within(1e-9));
        // B: connected 2023-06-01, 214 days to the window's end, one message
        assertThat(byContact.get("B").contactFrequency()).isCloseTo(1 / (214 / 365.25), within(1e-9));
        assertThat(byContact.get("B").active()).isTrue();
        // X: no connection date, so the life starts at the first interaction (2023-05-05 10:00)
        double xDays = 365 - 124 - 10.0 / 24;
        assertThat(byContact.get("X").observedDays()).isCloseTo(xDays, within(1e-9));
    }

    @Test
    void depthOfOneWayAndSilentTies() {
        assertThat(byContact.get("B").depth().label()).isEqualTo("one_way");
        assertThat(byContact.get("E").depth().label()).isEqualTo("one_way");
        TieFeature c = byContact.get("C");
        assertThat(c.depth().label()).isEqualTo("none");
        assertThat(c.contactFrequency()).isEqualTo(0.0);
        assertThat(c.active()).isFalse();
        assertThat(c.initiatedBy()).isNull();
        assertThat(c.daysToFirstInteraction()).isNull();
    }

    @Test
    void responseWithin180DaysIsNullWhenNotObservable() {
        assertThat(byContact.get("C").interactedWithin180d()).isNull();
        assertThat(byContact.get("D0").interactedWithin180d()).isFalse();
        assertThat(byContact.get("B").interactedWithin180d()).isTrue();
        assertThat(byContact.get("F").interactedWithin180d()).isFalse();
    }

    @Test
    void tenTiesOnOneDayAreBurstAccepted() {
        for (int i = 0; i < 10; i++) {
            assertThat(byContact.get("D" + i).burstAccepted()).isTrue();
        }
        assertThat(byContact.get("A").burstAccepted()).isFalse();
        assertThat(byContact.get("X").burstAccepted()).isNull();
    }

    @Test
    void inboundAfterLongSilenceIsReactivation() {
        TieFeature e = byContact.get("E");
        assertThat(e.reactivations()).isEqualTo(1L);
        assertThat(e.reactivated()).isTrue();
        assertThat(e.reactivatedAt()).containsExactly(FeatureFixture.ts("2023-08-01T10:00:00Z"));
        assertThat(byContact.get("F").reactivations()).isEqualTo(1L);
        assertThat(byContact.get("A").reactivations()).isEqualTo(0L);
        assertThat(byContact.get("C").reactivatedAt()).isEmpty();
    }

    @Test
    void contactWithoutTieInitiatedByContact() {
        TieFeature x = byContact.get("X");
        assertThat(x.initiatedBy()).isEqualTo("contact");
        assertThat(x.platform()).isEqualTo("linkedin");
        assertThat(x.connectedAt()).isNull();
    }

    @Test
    void atEqualTimesTheInboundMessageCountsFirst() {
        Canonical.Export e = FeatureFixture.simultaneousMessages();
        ExportFeatures f = ExportFeatures.of(e.export(), e.ties(), e.interactions(), e.invitations(),
                FeatureParams.DEFAULTS);
        assertThat(f.tieFeatures()).extracting(TieFeature::contactId, TieFeature::initiatedBy)
                .containsExactlyInAnyOrder(tuple("A", "contact"), tuple("Y", "contact"));
        assertThat(f.ownerMetrics().outboundInitiationShare()).isEqualTo(0.0);
        assertThat(f.ownerMetrics().inbound().count()).isEqualTo(1L);
    }
}
