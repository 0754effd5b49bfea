package org.iwddm.bench;

import java.util.List;

/**
 * Everything one run of the suite measured, with what it ran on and how. {@code floor} is floor A
 * (bare COPY), {@code floorB} floor B (COPY + one INSERT ... SELECT that types every field).
 */
record Results(BenchSettings settings, MachineInfo machine, List<String> jvmOptions, double feedSeconds,
        FloorScenario.Result floor, FloorBScenario.Result floorB, PipelineScenario.Result pipeline, Stats naive, IncrementalScenario.Result incremental,
        MemoryScenario.Result memory, IdleScenario.Result idle) {

    static final double PIPELINE_FLOOR_TARGET = 0.35;
    static final double PIPELINE_FLOOR_B_TARGET = 0.5;
    static final double PIPELINE_NAIVE_TARGET = 30;
    static final double INCREMENTAL_RATIO_TARGET = 1.3;
    static final double MEMORY_TARGET_MIB = 160;
    static final double IDLE_TARGET_SECONDS = 1.5;

    /** Ratio of two medians, with the extreme pairings as its min and max. */
    static Stats ratio(Stats numerator, Stats denominator) {
        return new Stats(numerator.median() / denominator.median(), numerator.min() / denominator.max(),
                numerator.max() / denominator.min(), Math.min(numerator.runs(), denominator.runs()));
    }

    Stats pipelineToFloor() {
        return ratio(pipeline.headline(), floor.oneCopy());
    }

    Stats pipelineToFloorB() {
        return ratio(pipeline.headline(), floorB.oneLoad());
    }

    Stats pipelineToNaive() {
        return ratio(pipeline.headline(), naive);
    }

    Stats bigToEmpty() {
        return ratio(incremental.intoBig(), incremental.intoEmpty());
    }

    double memoryMib() {
        return memory.peakRssKib() / 1024.0;
    }
}
