package org.iwddm.sim;

/**
 * What a generated feed held, counted while it was emitted.
 *
 * @param lines          every emitted line, re-sends included
 * @param tasks          tasks (each has at least one good event)
 * @param goodEvents     distinct good events
 * @param lateEvents     good events emitted after a later event (by timestamp) of the same task
 * @param badEvents      distinct bad events
 * @param duplicateLines re-sent lines (identical text to an earlier line)
 * @param firstId        the first event id handed out (0 when nothing was emitted)
 * @param lastId         the last event id handed out
 */
public record FeedSummary(long lines, long tasks, long goodEvents, long lateEvents, long badEvents,
        long duplicateLines, long firstId, long lastId) {
}
