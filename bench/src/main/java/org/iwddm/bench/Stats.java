package org.iwddm.bench;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Median, min and max of one figure over repeated runs (an even count's median is the mean of the middle two). */
record Stats(double median, double min, double max, int runs) {

    static Stats of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** Events per second of runs that each moved {@code events} in these many seconds. */
    static Stats rates(long events, double[] seconds) {
        return of(Arrays.stream(seconds).map(s -> events / s).toArray());
    }

    /** The same figure in another unit (a monotonic increasing conversion keeps min and max). */
    Stats map(DoubleUnaryOperator conversion) {
        return new Stats(conversion.applyAsDouble(median), conversion.applyAsDouble(min),
                conversion.applyAsDouble(max), runs);
    }
}
