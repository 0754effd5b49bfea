package org.iwddm.sim;

import java.util.SplittableRandom;

/** A task's attributes that stay the same for its whole life (FEED.md "Task"). */
final class FeedTask {
    static final long NO_TIME = Long.MIN_VALUE;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    final String taskId;
    final String captureId;
    final int solution;
    final int capturePoint;
    final String mediaType;
    final String channel;
    final String customerId;
    final String customerSegment;
    final String productType;
    final String productSubtype;
    final String requestedAgent;
    final String requestedSkill;
    final String sourceTenant;
    final String sourceProcessType;
    final String sourceProcessSubtype;
    final long createdMillis;
    final long activationMillis;
    final long expirationMillis;
    final long sourceCreatedMillis;
    final int dateOffsetMinutes;
    /** Absent attributes are written as explicit nulls for some tasks and omitted for others. */
    final boolean writeNulls;
    final TaskData data;
    final String createdText;
    final String activationText;
    final String expirationText;
    final String sourceCreatedText;
    /** The unchanging task members' JSON (before and after a rename), written once by CachedEventJson. */
    final String[] staticMembers = new String[2];

    /** The task's custom attributes ("data"); null fields are left out. */
    record TaskData(String region, String caseType, Double amount, Boolean vip, String note) {
    }

    FeedTask(int index, long firstEventMillis, FeedConfig config, FeedVocabulary vocabulary,
            SplittableRandom random) {
        taskId = base62(index, 6) + base62(random.nextLong() >>> 4, 10);
        captureId = random.nextInt(20) == 0 ? null : "SR-" + zeroPadded(index + 1, 6);
        solution = random.nextInt(10) == 0 ? 1 : 0;
        capturePoint = random.nextInt(15) == 0 ? -1 : random.nextInt(config.capturePoints());
        mediaType = random.nextInt(25) == 0 ? null : pick(random, vocabulary.mediaTypes);
        channel = maybe(random, 10, FeedVocabulary.CHANNELS);
        customerId = random.nextInt(8) == 0 ? null : customerId(random);
        customerSegment = maybe(random, 5, FeedVocabulary.SEGMENTS);
        String[] product = FeedVocabulary.PRODUCTS[random.nextInt(FeedVocabulary.PRODUCTS.length)];
        boolean hasProduct = random.nextInt(6) != 0;
        productType = hasProduct ? product[0] : null;
        productSubtype = hasProduct && random.nextInt(5) != 0 ? product[1] : null;
        requestedAgent = random.nextInt(12) == 0 ? vocabulary.agents[random.nextInt(vocabulary.agents.length)].employeeId() : null;
        requestedSkill = maybe(random, 4, FeedVocabulary.SKILLS);
        boolean fromSource = random.nextInt(10) == 0;
        sourceTenant = fromSource ? "Legacy Tenant Ä" : null;
        sourceProcessType = fromSource ? "migration" : null;
        sourceProcessSubtype = fromSource && random.nextBoolean() ? "bulk" : null;
        createdMillis = firstEventMillis - (random.nextInt(3) == 0 ? random.nextInt(1_800_000) : 0);
        activationMillis = random.nextInt(4) == 0 ? createdMillis + random.nextInt(600_000) : NO_TIME;
        expirationMillis = random.nextInt(6) == 0 ? createdMillis + 7L * 86_400_000 : NO_TIME;
        sourceCreatedMillis = fromSource ? createdMillis - random.nextInt(86_400_000) : NO_TIME;
        dateOffsetMinutes = random.nextInt(5) == 0 ? 120 : 0;
        writeNulls = random.nextBoolean();
        data = random.nextInt(7) == 0 ? null : data(random);
        createdText = text(createdMillis);
        activationText = text(activationMillis);
        expirationText = text(expirationMillis);
        sourceCreatedText = text(sourceCreatedMillis);
    }

    private long lastTextMillis = NO_TIME;
    private String lastText;

    /** A task date-time as the feed writes it (in the task's offset), null for none. */
    String text(long millis) {
        if (millis == NO_TIME) {
            return null;
        }
        if (millis != lastTextMillis) { // the due time changes rarely: format it once
            lastText = IsoTimestamps.format(millis, dateOffsetMinutes);
            lastTextMillis = millis;
        }
        return lastText;
    }

    private static TaskData data(SplittableRandom random) {
        return new TaskData(pick(random, FeedVocabulary.REGIONS), pick(random, FeedVocabulary.CASE_TYPES),
                random.nextInt(3) == 0 ? random.nextInt(100_000) / 100.0 : null,
                random.nextInt(4) == 0 ? random.nextBoolean() : null,
                random.nextInt(10) == 0 ? pick(random, FeedVocabulary.NOTES) : null);
    }

    private static String customerId(SplittableRandom random) {
        // A few customer ids hold characters a CSV or a naive parser would trip over.
        return switch (random.nextInt(200)) {
            case 0 -> "C-\"quoted\"";
            case 1 -> "C-tab\t1";
            case 2 -> "C-Ü-" + random.nextInt(100);
            default -> "C-" + zeroPadded(random.nextInt(50_000), 5);
        };
    }

    static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** One of the values, or null once in {@code oneIn} draws. */
    private static String maybe(SplittableRandom random, int oneIn, String[] values) {
        return random.nextInt(oneIn) == 0 ? null : pick(random, values);
    }

    private static String base62(long value, int width) {
        char[] chars = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            chars[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        return new String(chars);
    }
}
