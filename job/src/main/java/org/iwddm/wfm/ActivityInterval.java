package org.iwddm.wfm;

/** One (interval, activity) value sent to WFM: interaction volume and actual queue. */
record ActivityInterval(long intervalKey, String activity, long volume, long queue) {
}
