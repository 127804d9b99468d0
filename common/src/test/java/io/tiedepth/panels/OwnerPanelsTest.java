package io.tiedepth.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiedepth.model.Canonical.ExportRow;
import io.tiedepth.model.Canonical.InteractionRow;
import io.tiedepth.model.Canonical.InvitationRow;
import io.tiedepth.model.Canonical.TieRow;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerPanelsTest {
    private static final String EXPORT = "e1";
    private static final String OWNER = "o1";

    private static ExportRow export(String windowEnd, String timeOrigin) {
        return new ExportRow(EXPORT, "s1", OWNER, "linkedin", "linkedin-2023", "ok", 1, List.of(), 0,
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse(windowEnd), Instant.parse(windowEnd), "v",
                List.of(), timeOrigin, null);
    }

    private static ExportRow export(String windowEnd) {
        return export(windowEnd, ExportRow.ABSOLUTE);
    }

    private static TieRow tie(String contact, String connectedAt, String invitedBy) {
        return new TieRow(EXPORT, "linkedin", OWNER, contact, connectedAt == null ? null : Instant.parse(connectedAt),
                "day", "connection", invitedBy, null, false);
    }

    private static TieRow tie(String contact, String connectedAt) {
        return tie(contact, connectedAt, "unknown");
    }

    private static InteractionRow msg(String contact, String at, String direction) {
        return new InteractionRow(EXPORT, "linkedin", OWNER, contact, Instant.parse(at), "message", direction, "t",
                false, 3, 10, null);
    }

    private static InvitationRow invitation(String counterpart, String at, String direction) {
        return new InvitationRow(EXPORT, "linkedin", OWNER, counterpart, Instant.parse(at), direction, false);
    }

    private static PanelRow at(List<PanelRow> panel, String month) {
        return panel.stream().filter(r -> r.month().equals(YearMonth.parse(month))).findFirst().orElseThrow();
    }

    @Test
    void runsFromTheFirstDatedTieToTheWindowEndWithTiesHeldAndGained() {
        List<PanelRow> panel = OwnerPanels.build(export("2024-05-10T12:00:00Z"),
                List.of(tie("a", "2024-01-03T00:00:00Z"), tie("b", "2024-01-31T00:00:00Z"),
                        tie("c", "2024-03-15T00:00:00Z"), tie("undated", null)), List.of(), List.of());

        assertThat(panel).extracting(PanelRow::month).containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2),
                YearMonth.of(2024, 3), YearMonth.of(2024, 4), YearMonth.of(2024, 5));
        assertThat(panel).extracting(PanelRow::tiesHeld).containsExactly(2L, 2L, 3L, 3L, 3L);
        assertThat(panel).extracting(PanelRow::tiesGained).containsExactly(2L, 0L, 1L, 0L, 0L);
        assertThat(panel.get(2).tiesHeldBefore()).isEqualTo(2);
        assertThat(panel).allSatisfy(r -> {
            assertThat(r.exportId()).isEqualTo(EXPORT);
            assertThat(r.ownerId()).isEqualTo(OWNER);
        });
    }

    @Test
    void aTieIsActiveForTheTwelveMonthsStartingWithTheMonthOfAnInteraction() {
        List<PanelRow> panel = OwnerPanels.build(export("2024-06-30T00:00:00Z"),
                List.of(tie("a", "2023-01-05T00:00:00Z")),
                List.of(msg("a", "2023-02-20T10:00:00Z", "out")), List.of());

        assertThat(at(panel, "2023-01").active12m()).isZero();
        assertThat(at(panel, "2023-02").active12m()).isEqualTo(1);
        assertThat(at(panel, "2024-01").active12m()).isEqualTo(1);
        assertThat(at(panel, "2024-02").active12m()).isZero();
        assertThat(panel).allSatisfy(r -> assertThat(r.reciprocal12m()).isZero());
    }

    @Test
    void reciprocalNeedsBothDirectionsWithinTheSameTwelveMonths() {
        List<PanelRow> panel = OwnerPanels.build(export("2024-12-31T00:00:00Z"),
                List.of(tie("a", "2023-01-05T00:00:00Z")),
                List.of(msg("a", "2023-01-20T10:00:00Z", "out"), msg("a", "2023-12-02T10:00:00Z", "in")),
                List.of());

        assertThat(panel.stream().filter(r -> r.reciprocal12m() == 1).map(PanelRow::month))
                .containsExactly(YearMonth.of(2023, 12));
        assertThat(at(panel, "2024-11").active12m()).isEqualTo(1);
        assertThat(at(panel, "2024-12").active12m()).isZero();
    }

    @Test
    void countsOnlyTiesHeldAtTheMonthsEndAndIgnoresOtherContacts() {
        List<PanelRow> panel = OwnerPanels.build(export("2023-06-15T00:00:00Z"),
                List.of(tie("first", "2023-01-01T00:00:00Z"), tie("a", "2023-03-10T00:00:00Z")),
                List.of(msg("a", "2023-01-15T10:00:00Z", "in"), msg("recruiter", "2023-01-15T10:00:00Z", "in")),
                List.of());

        assertThat(panel).extracting(PanelRow::active12m).containsExactly(0L, 0L, 1L, 1L, 1L, 1L);
    }

    @Test
    void inboundRequestsAreNullBeforeTheEarliestListedInvitationAndCountIncomingOnes() {
        List<PanelRow> panel = OwnerPanels.build(export("2024-04-20T00:00:00Z"),
                List.of(tie("a", "2024-01-05T00:00:00Z")), List.of(),
                List.of(invitation("x", "2024-02-10T00:00:00Z", "out"), invitation("y", "2024-03-01T00:00:00Z", "in"),
                        invitation("z", "2024-03-09T00:00:00Z", "in")));

        assertThat(panel).extracting(PanelRow::inboundRequests).containsExactly(null, 0L, 2L, 0L);
    }

    @Test
    void withoutAnyInvitationDataRequestsAndDirectionsAreNullNotZero() {
        List<PanelRow> panel = OwnerPanels.build(export("2024-03-20T00:00:00Z"),
                List.of(tie("a", "2024-01-05T00:00:00Z")), List.of(), List.of());

        assertThat(panel).allSatisfy(r -> {
            assertThat(r.inboundRequests()).isNull();
            assertThat(r.gainedDirectionKnown()).isNull();
            assertThat(r.gainedInbound()).isNull();
        });
    }

    @Test
    void countsGainedTiesByKnownInvitationDirection() {
        List<PanelRow> panel = OwnerPanels.build(export("2024-02-20T00:00:00Z"),
                List.of(tie("a", "2024-01-05T00:00:00Z", "contact"), tie("b", "2024-01-06T00:00:00Z", "owner"),
                        tie("c", "2024-01-07T00:00:00Z", "unknown"), tie("d", "2024-02-07T00:00:00Z", "contact")),
                List.of(), List.of(invitation("a", "2024-01-04T00:00:00Z", "in")));

        assertThat(panel).extracting(PanelRow::gainedDirectionKnown).containsExactly(2L, 1L);
        assertThat(panel).extracting(PanelRow::gainedInbound).containsExactly(1L, 1L);
    }

    @Test
    void extendsToATieDatedAfterTheWindowEnd() {
        List<PanelRow> panel = OwnerPanels.build(export("2024-01-20T00:00:00Z"),
                List.of(tie("a", "2024-01-05T00:00:00Z"), tie("late", "2024-03-02T00:00:00Z")), List.of(), List.of());

        assertThat(panel).extracting(PanelRow::tiesHeld).containsExactly(1L, 1L, 2L);
    }

    @Test
    void isEmptyWithoutDatedTiesOrWithRelativeTimes() {
        assertThat(OwnerPanels.build(export("2024-02-20T00:00:00Z"), List.of(tie("a", null)), List.of(), List.of()))
                .isEmpty();
        assertThat(OwnerPanels.build(export("2024-02-20T00:00:00Z", ExportRow.RELATIVE),
                List.of(tie("a", "2024-01-05T00:00:00Z")), List.of(), List.of())).isEmpty();
    }

    @Test
    void equalsABruteForceCountOnARandomExport() {
        java.util.Random rnd = new java.util.Random(5);
        List<TieRow> ties = new ArrayList<>();
        List<InteractionRow> interactions = new ArrayList<>();
        long start = Instant.parse("2018-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("2024-06-30T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 60; i++) {
            long c = start + (long) (rnd.nextDouble() * (end - start));
            ties.add(tie("t" + i, Instant.ofEpochSecond(c).toString()));
            for (int k = rnd.nextInt(4); k > 0; k--) {
                long at = start - 200 * 86400L + (long) (rnd.nextDouble() * (end - start + 200 * 86400L));
                interactions.add(msg("t" + i, Instant.ofEpochSecond(at).toString(), rnd.nextBoolean() ? "in" : "out"));
            }
        }
        List<PanelRow> panel = OwnerPanels.build(export(Instant.ofEpochSecond(end).toString()), ties, interactions,
                List.of());

        for (PanelRow r : panel) {
            Instant monthEnd = r.month().plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            Instant windowStart = r.month().minusMonths(11).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant();
            long held = ties.stream().filter(t -> t.connectedAt().isBefore(monthEnd)).count();
            long active = ties.stream().filter(t -> t.connectedAt().isBefore(monthEnd))
                    .filter(t -> interactions.stream().anyMatch(x -> x.contactId().equals(t.contactId())
                            && !x.at().isBefore(windowStart) && x.at().isBefore(monthEnd))).count();
            assertThat(r.tiesHeld()).as("held %s", r.month()).isEqualTo(held);
            assertThat(r.active12m()).as("active %s", r.month()).isEqualTo(active);
        }
        assertThat(panel).hasSizeGreaterThan(60);
        assertThat(panel.stream().mapToLong(PanelRow::active12m).sum()).isPositive();
    }

    @Test
    void aQuarterHoldsTiesAtItsEndTheSumOfItsGainsAndTheTiesActiveInTheTwelveMonthsEndingWithIt() {
        List<TieRow> ties = List.of(tie("a", "2023-01-03T00:00:00Z"), tie("d", "2023-01-20T00:00:00Z"),
                tie("b", "2023-02-11T00:00:00Z"), tie("c", "2023-05-02T00:00:00Z"));
        List<InteractionRow> messages = List.of(msg("a", "2022-02-10T10:00:00Z", "out"),
                msg("d", "2022-03-10T10:00:00Z", "in"), msg("b", "2023-02-20T10:00:00Z", "out"),
                msg("b", "2023-03-01T10:00:00Z", "in"), msg("c", "2023-05-09T10:00:00Z", "in"));
        List<PanelRow> months = OwnerPanels.build(export("2023-08-10T00:00:00Z"), ties, messages, List.of());
        List<PanelRow> quarters = OwnerPanels.build(export("2023-08-10T00:00:00Z"), ties, messages, List.of(),
                OwnerPanels.Period.QUARTER);

        assertThat(months).extracting(PanelRow::active12m).containsExactly(2L, 2L, 1L, 1L, 2L, 2L, 2L, 2L);
        assertThat(quarters).extracting(PanelRow::month).containsExactly(YearMonth.of(2023, 1),
                YearMonth.of(2023, 4), YearMonth.of(2023, 7));
        assertThat(quarters).extracting(PanelRow::tiesHeld).containsExactly(3L, 4L, 4L);
        assertThat(quarters).extracting(PanelRow::tiesGained).containsExactly(3L, 1L, 0L);
        assertThat(quarters).extracting(PanelRow::active12m).containsExactly(1L, 2L, 2L);
        assertThat(quarters).extracting(PanelRow::reciprocal12m).containsExactly(1L, 1L, 1L);
        assertThat(quarters.get(1).tiesHeldBefore()).isEqualTo(3);
    }

    @Test
    void aQuartersRequestsAreNullUnlessEveryMonthRecordsThemAndItsDirectionsAreSums() {
        List<PanelRow> quarters = OwnerPanels.build(export("2024-07-20T00:00:00Z"),
                List.of(tie("a", "2024-01-05T00:00:00Z", "contact"), tie("b", "2024-02-06T00:00:00Z", "owner"),
                        tie("c", "2024-03-07T00:00:00Z", "unknown"), tie("d", "2024-05-07T00:00:00Z", "contact")),
                List.of(), List.of(invitation("x", "2024-02-10T00:00:00Z", "in"),
                        invitation("y", "2024-04-01T00:00:00Z", "in"), invitation("z", "2024-06-09T00:00:00Z", "in"),
                        invitation("w", "2024-06-19T00:00:00Z", "out")), OwnerPanels.Period.QUARTER);

        assertThat(quarters).extracting(PanelRow::inboundRequests).containsExactly(null, 2L, 0L);
        assertThat(quarters).extracting(PanelRow::gainedDirectionKnown).containsExactly(2L, 1L, 0L);
        assertThat(quarters).extracting(PanelRow::gainedInbound).containsExactly(1L, 1L, 0L);
        assertThat(OwnerPanels.quarters(OwnerPanels.build(export("2024-07-20T00:00:00Z"),
                List.of(tie("a", "2024-01-05T00:00:00Z")), List.of(), List.of())))
                .allSatisfy(r -> assertThat(r.gainedDirectionKnown()).isNull());
    }

    @Test
    void quartersEqualABruteForceCountAtEachQuartersEnd() {
        java.util.Random rnd = new java.util.Random(9);
        List<TieRow> ties = new ArrayList<>();
        List<InteractionRow> interactions = new ArrayList<>();
        long start = Instant.parse("2019-02-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("2024-05-17T00:00:00Z").getEpochSecond();
        ties.add(tie("first", "2019-02-03T00:00:00Z"));
        for (int i = 0; i < 50; i++) {
            ties.add(tie("t" + i, Instant.ofEpochSecond(start + (long) (rnd.nextDouble() * (end - start))).toString()));
            for (int k = rnd.nextInt(4); k > 0; k--) {
                long at = start + (long) (rnd.nextDouble() * (end - start));
                interactions.add(msg("t" + i, Instant.ofEpochSecond(at).toString(), "in"));
            }
        }
        List<PanelRow> quarters = OwnerPanels.build(export(Instant.ofEpochSecond(end).toString()), ties,
                interactions, List.of(), OwnerPanels.Period.QUARTER);

        assertThat(quarters.get(0).month()).isEqualTo(YearMonth.of(2019, 1));
        assertThat(quarters.get(quarters.size() - 1).month()).isEqualTo(YearMonth.of(2024, 4));
        for (PanelRow r : quarters) {
            YearMonth lastMonth = r.month().plusMonths(2).isAfter(YearMonth.of(2024, 5)) ? YearMonth.of(2024, 5)
                    : r.month().plusMonths(2);
            Instant quarterStart = r.month().atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            Instant quarterEnd = lastMonth.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            Instant windowStart = lastMonth.minusMonths(11).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant();
            List<TieRow> held = ties.stream().filter(t -> t.connectedAt().isBefore(quarterEnd)).toList();
            long gained = held.stream().filter(t -> !t.connectedAt().isBefore(quarterStart)).count();
            long active = held.stream().filter(t -> interactions.stream().anyMatch(x -> x.contactId()
                    .equals(t.contactId()) && !x.at().isBefore(windowStart) && x.at().isBefore(quarterEnd))).count();
            assertThat(List.of(r.tiesHeld(), r.tiesGained(), r.active12m())).as("%s", r.month())
                    .containsExactly((long) held.size(), gained, active);
        }
        assertThat(quarters).hasSize(22);
    }
}
