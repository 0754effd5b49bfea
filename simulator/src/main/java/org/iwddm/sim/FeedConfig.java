package org.iwddm.sim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link FeedGenerator} produces. Shares are fractions of the emitted lines (bad, duplicate)
 * or of the good events (late); they are honoured on average, not exactly.
 *
 * @param seed           the same seed (and settings) gives byte-identical output
 * @param tasks          how many tasks (lifecycles) the feed holds
 * @param start          creation time of the first task
 * @param tasksPerHour   mean arrival rate of new tasks (Poisson arrivals)
 * @param departments    how many departments of the fixed vocabulary are used (1..{@link FeedVocabulary#DEPARTMENT_COUNT})
 * @param capturePoints  how many capture points tasks come from
 * @param agents         how many agents work the tasks (at least 2, so a transfer has a target)
 * @param mediaTypes     media type names tasks carry
 * @param lateShare      share of good events that arrive after a later event of the same task
 * @param badShare       share of lines that are bad events (FEED.md "Bad input")
 * @param duplicateShare share of lines that re-send an already emitted line (same id, same text);
 *                       when above 0 the ids of the stream are no longer strictly increasing
 */
public record FeedConfig(long seed, int tasks, Instant start, double tasksPerHour, int departments,
        int capturePoints, int agents, List<String> mediaTypes, double lateShare, double badShare,
        double duplicateShare) {

    public FeedConfig {
        Objects.requireNonNull(start, "start");
        mediaTypes = List.copyOf(mediaTypes);
        require(tasks >= 0, "tasks must be >= 0");
        require(tasksPerHour > 0 && Double.isFinite(tasksPerHour), "tasksPerHour must be > 0");
        require(departments >= 1 && departments <= FeedVocabulary.DEPARTMENT_COUNT,
                "departments must be 1.." + FeedVocabulary.DEPARTMENT_COUNT);
        require(capturePoints >= 1, "capturePoints must be >= 1");
        require(agents >= 2, "agents must be >= 2");
        require(!mediaTypes.isEmpty(), "mediaTypes must not be empty");
        requireShare(lateShare, "lateShare");
        requireShare(badShare, "badShare");
        requireShare(duplicateShare, "duplicateShare");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().seed(seed).tasks(tasks).start(start).tasksPerHour(tasksPerHour)
                .departments(departments).capturePoints(capturePoints).agents(agents)
                .mediaTypes(mediaTypes).lateShare(lateShare).badShare(badShare)
                .duplicateShare(duplicateShare);
    }

    private static void requireShare(double share, String name) {
        require(share >= 0 && share <= 0.5, name + " must be within [0, 0.5]");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Defaults: a realistic small feed with a few late, bad and duplicate events. */
    public static final class Builder {
        private long seed = 1;
        private int tasks = 1000;
        private Instant start = Instant.parse("2026-11-20T06:00:00Z");
        private double tasksPerHour = 600;
        private int departments = FeedVocabulary.DEPARTMENT_COUNT;
        private int capturePoints = 6;
        private int agents = 40;
        private List<String> mediaTypes = List.of("workitem", "email", "fax", "webform", "sms");
        private double lateShare = 0.05;
        private double badShare = 0.01;
        private double duplicateShare = 0.02;

        public Builder seed(long value) { seed = value; return this; }
        public Builder tasks(int value) { tasks = value; return this; }
        public Builder start(Instant value) { start = value; return this; }
        public Builder tasksPerHour(double value) { tasksPerHour = value; return this; }
        public Builder departments(int value) { departments = value; return this; }
        public Builder capturePoints(int value) { capturePoints = value; return this; }
        public Builder agents(int value) { agents = value; return this; }
        public Builder mediaTypes(List<String> value) { mediaTypes = value; return this; }
        public Builder lateShare(double value) { lateShare = value; return this; }
        public Builder badShare(double value) { badShare = value; return this; }
        public Builder duplicateShare(double value) { duplicateShare = value; return this; }

        public FeedConfig build() {
            return new FeedConfig(seed, tasks, start, tasksPerHour, departments, capturePoints,
                    agents, mediaTypes, lateShare, badShare, duplicateShare);
        }
    }
}
