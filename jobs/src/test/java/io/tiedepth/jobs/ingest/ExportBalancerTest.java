package io.tiedepth.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportBalancerTest {

    @Test
    void largestFirstToTheLightestTask() {
        List<ExportBalancer.Sized> exports = List.of(new ExportBalancer.Sized("a", 100),
                new ExportBalancer.Sized("b", 60), new ExportBalancer.Sized("c", 50), new ExportBalancer.Sized("d", 10));
        // a→0, b→1, c→1 (60 < 100), d→0 (100 < 110)
        assertThat(ExportBalancer.assign(exports, 2)).containsExactly(0, 1, 1, 0);
    }

    @Test
    void manySmallExportsShareTasksEvenly() {
        List<ExportBalancer.Sized> exports = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            exports.add(new ExportBalancer.Sized(String.format("e%04d", i), 1000));
        }
        int[] perTask = new int[8];
        for (int t : ExportBalancer.assign(exports, 8)) {
            perTask[t]++;
        }
        assertThat(perTask).containsOnly(125);
    }

    @Test
    void deterministicForTheSameInput() {
        List<ExportBalancer.Sized> exports = List.of(new ExportBalancer.Sized("x", 5), new ExportBalancer.Sized("y", 5),
                new ExportBalancer.Sized("z", 5));
        assertThat(ExportBalancer.assign(exports, 2)).containsExactly(ExportBalancer.assign(exports, 2));
    }

    @Test
    void neverMoreTasksThanExports() {
        assertThat(ExportBalancer.taskCount(3, 2, 4)).isEqualTo(3);
        assertThat(ExportBalancer.taskCount(1000, 2, 4)).isEqualTo(8);
        assertThat(ExportBalancer.taskCount(0, 2, 4)).isEqualTo(1);
    }
}
