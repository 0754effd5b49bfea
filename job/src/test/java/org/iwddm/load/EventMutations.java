package org.iwddm.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made variants of one good event (FEED.md's example): edge values the driver should still
 * vouch for, and each of its rules broken in turn, which it must send raw. Each text is one line
 * (StageCopy's CSV), with a unique id so load_parse_staged keeps every one.
 */
final class EventMutations {
    /** A variant: its name, and the event text (with @ID@ where the event id goes). */
    record Variant(String name, String json) {
        String withId(long id) {
            return json.replace("@ID@", Long.toString(id));
        }

        Variant then(String from, String to) {
            return EventMutations.then(this, from, to);
        }

        Variant drop(String text) {
            return then(text, "");
        }
    }

    static final String BASE = "{\"id\":@ID@,\"taskId\":\"T-0001\",\"eventType\":\"Assigned\","
            + "\"timestamp\":\"2026-11-20T10:14:58.123Z\",\"status\":\"assigned\",\"queue\":\"iWD_Queued\","
            + "\"agent\":{\"employeeId\":\"E1042\",\"name\":\"Dana Reyes\"},\"task\":{\"captureId\":\"SR-000123\","
            + "\"tenant\":{\"id\":\"100\",\"name\":\"Acme\"},\"solution\":{\"id\":\"S1\",\"name\":\"Production\"},"
            + "\"category\":{\"id\":\"C17\",\"path\":[\"Billing\",\"Refunds\",\"Priority\"]},"
            + "\"capturePoint\":{\"id\":\"CP3\",\"name\":\"CRM-Cases\"},\"mediaType\":\"workitem\",\"channel\":\"crm\","
            + "\"businessValue\":50,\"priority\":120,\"createdDateTime\":\"2026-11-20T09:58:00.000Z\","
            + "\"activationDateTime\":null,\"dueDateTime\":\"2026-11-21T09:58:00.000Z\",\"expirationDateTime\":null,"
            + "\"customerId\":\"C-88812\",\"customerSegment\":\"gold\",\"productType\":\"card\",\"productSubtype\":\"credit\","
            + "\"requestedAgent\":null,\"requestedSkill\":\"billing_en\",\"resultCode\":null,\"sourceTenant\":null,"
            + "\"sourceProcessType\":null,\"sourceProcessSubtype\":null,\"sourceCreatedDateTime\":null,"
            + "\"sourceFirstCreatedDateTime\":null,\"data\":{\"region\":\"EMEA\",\"caseType\":\"refund\"}}}";

    private static final String TS = "\"timestamp\":\"2026-11-20T10:14:58.123Z\"";
    private static final String DUE = "\"dueDateTime\":\"2026-11-21T09:58:00.000Z\"";
    private static final String PATH = "\"path\":[\"Billing\",\"Refunds\",\"Priority\"]";
    private static final String DATA = "\"data\":{\"region\":\"EMEA\",\"caseType\":\"refund\"}";
    private static final String AGENT = "\"agent\":{\"employeeId\":\"E1042\",\"name\":\"Dana Reyes\"}";
    private static final String TENANT = "\"tenant\":{\"id\":\"100\",\"name\":\"Acme\"}";
    private static final String CP = "\"capturePoint\":{\"id\":\"CP3\",\"name\":\"CRM-Cases\"}";
    private static final String[] TASK_DATES = {"createdDateTime\":\"2026-11-20T09:58:00.000Z",
        "activationDateTime\":null", "dueDateTime\":\"2026-11-21T09:58:00.000Z", "expirationDateTime\":null",
        "sourceCreatedDateTime\":null", "sourceFirstCreatedDateTime\":null"};

    private EventMutations() {
    }

    /** Variants that keep every rule: the driver must vouch for each, and the database must agree. */
    static List<Variant> good() {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("the base event", BASE));
        v.add(edit("9-digit fraction", TS, "\"timestamp\":\"2026-11-20T10:14:58.123456789Z\""));
        v.add(edit("offset +05:30", TS, "\"timestamp\":\"2026-11-20T10:14:58+05:30\""));
        v.add(edit("offset -0800", TS, "\"timestamp\":\"2026-11-20T10:14:58.5-0800\""));
        v.add(edit("offset +05", TS, "\"timestamp\":\"2026-03-29T01:30:00+05\""));
        v.add(edit("offset -15:59", TS, "\"timestamp\":\"2026-11-20T23:59:59.999999999-15:59\""));
        v.add(edit("leap day", TS, "\"timestamp\":\"2024-02-29T12:00:00Z\""));
        v.add(edit("first year", TS, "\"timestamp\":\"1971-01-01T00:00:00+15:00\""));
        v.add(edit("last year", TS, "\"timestamp\":\"2098-12-31T23:59:59-15:00\""));
        v.add(edit("task dates at 1900 and 2200", DUE, "\"dueDateTime\":\"2200-12-31T23:59:59.999999999Z\","
                + "\"expirationDateTime\":\"1900-01-01T00:00:00+01:00\"").drop("\"expirationDateTime\":null,"));
        v.add(edit("every task date set", "\"activationDateTime\":null",
                "\"activationDateTime\":\"2026-11-20T10:00:00+0100\"")
                .then("\"sourceCreatedDateTime\":null", "\"sourceCreatedDateTime\":\"2026-11-19T23:00:00-02:30\"")
                .then("\"sourceFirstCreatedDateTime\":null", "\"sourceFirstCreatedDateTime\":\"2026-11-18T00:00:00.1Z\"")
                .then("\"expirationDateTime\":null", "\"expirationDateTime\":\"2026-12-01T00:00:00.000001+14:45\""));
        v.add(edit("10-level path", PATH, "\"path\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\"]"));
        v.add(edit("odd path levels", PATH, "\"path\":[\"NULL\",\"a,b\",\"{x}\",\"q\\\"uote\",\"back\\\\slash\",\" \",\"tab\\t\"]"));
        v.add(edit("tabs, backslashes, quotes and NULL in names", AGENT,
                "\"agent\":{\"employeeId\":\"E 10\\t42\",\"name\":\"NULL\"}")
                .then(TENANT, "\"tenant\":{\"id\":\"1\\\\00\",\"name\":\"Ac\\\"me\\nCorp\\r\\/x\"}")
                .then("\"productType\":\"card\"", "\"productType\":\"NULL\"")
                .then("\"productSubtype\":\"credit\"", "\"productSubtype\":\"a,b {c}\"")
                .then("\"queue\":\"iWD_Queued\"", "\"queue\":\"\\\\N\""));
        v.add(edit("unicode, non-BMP included", "\"customerSegment\":\"gold\"", "\"customerSegment\":\"gold 😀 日本 é\"")
                .then("\"taskId\":\"T-0001\"", "\"taskId\":\"" + "😀".repeat(64) + "\""));
        v.add(edit("empty data object", DATA, "\"data\":{}"));
        v.add(edit("data of numbers, booleans and null", DATA,
                "\"data\":{\"amount\":12.50,\"vip\":true,\"off\":false,\"n\":-3,\"zero\":0,\"none\":null,\"id\":\"x\"}"));
        v.add(edit("data null", DATA, "\"data\":null"));
        v.add(edit("data absent", "," + DATA, ""));
        v.add(edit("agent null", AGENT, "\"agent\":null"));
        v.add(edit("agent absent", AGENT + ",", ""));
        v.add(edit("agent without name", AGENT, "\"agent\":{\"employeeId\":\"E1042\"}"));
        v.add(edit("capture point null", CP, "\"capturePoint\":null"));
        v.add(edit("capture point absent, no names", CP + ",", "")
                .then(TENANT, "\"tenant\":{\"id\":\"100\"}").then("\"name\":\"Production\"", "\"name\":null"));
        v.add(edit("category id absent", "\"id\":\"C17\",", ""));
        v.add(edit("category id null", "\"id\":\"C17\"", "\"id\":null"));
        v.add(edit("extreme integers", "\"businessValue\":50,\"priority\":120", "\"businessValue\":-999999999,\"priority\":999999999"));
        v.add(edit("zero and null integers", "\"businessValue\":50,\"priority\":120", "\"businessValue\":0,\"priority\":null"));
        v.add(edit("empty queue, queue named id", "\"queue\":\"iWD_Queued\"", "\"queue\":\"\"")
                .then("\"resultCode\":null", "\"resultCode\":\"id\""));
        v.add(edit("legacy status", "\"status\":\"assigned\"", "\"status\":\"newheld\""));
        v.add(edit("unknown keys, nested", "\"eventType\"", "\"extra\":{\"a\":[1,{\"b\":null}],\"c\":1.5},\"eventType\"")
                .then("\"mediaType\"", "\"more\":[[],{}],\"mediaType\""));
        v.add(edit("white space between tokens", "\"status\":\"assigned\",", " \"status\" :\t\"assigned\" ,  "));
        v.add(new Variant("minimal event", "{\"id\":@ID@,\"taskId\":\"t\",\"eventType\":\"x\",\"timestamp\":"
                + "\"2026-01-01T00:00:00Z\",\"status\":\"new\",\"task\":{\"tenant\":{\"id\":\"1\"},\"solution\":{\"id\":\"2\"},"
                + "\"category\":{\"path\":[\"D\"]}}}"));
        return v;
    }

    /** Variants that break one rule each (or that the driver declines on principle): it must send each raw. */
    static List<Variant> raw() {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("an array", "[" + BASE + "]"));
        v.add(new Variant("a string", "\"@ID@\""));
        v.add(edit("task missing", "\"task\":{", "\"notTask\":{"));
        v.add(edit("task a string", "\"task\":{", "\"task\":\"x\",\"t\":{"));
        v.add(edit("id missing", "\"id\":@ID@,", "\"xid\":@ID@,"));
        v.add(edit("id a string", "\"id\":@ID@", "\"id\":\"@ID@\""));
        v.add(edit("id with exponent", "\"id\":@ID@", "\"id\":@ID@e0"));
        v.add(edit("id with fraction", "\"id\":@ID@", "\"id\":@ID@.0"));
        v.add(edit("id -0", "\"id\":@ID@", "\"id\":-0,\"i\":@ID@"));
        v.add(edit("id negative", "\"id\":@ID@", "\"id\":-@ID@"));
        v.add(edit("id of 19 digits", "\"id\":@ID@", "\"id\":1000000000000000000,\"i\":@ID@"));
        v.add(edit("id twice", "\"id\":@ID@", "\"id\":@ID@,\"id\":@ID@"));
        v.add(edit("taskId missing", "\"taskId\"", "\"taskIdX\""));
        v.add(edit("taskId empty", "\"taskId\":\"T-0001\"", "\"taskId\":\"\""));
        v.add(edit("taskId of 65", "\"taskId\":\"T-0001\"", "\"taskId\":\"" + "x".repeat(65) + "\""));
        v.add(edit("taskId of 65 code points", "\"taskId\":\"T-0001\"", "\"taskId\":\"" + "😀".repeat(65) + "\""));
        v.add(edit("taskId a number", "\"taskId\":\"T-0001\"", "\"taskId\":1"));
        v.add(edit("eventType missing", "\"eventType\"", "\"eventTypeX\""));
        v.add(edit("eventType empty", "\"eventType\":\"Assigned\"", "\"eventType\":\"\""));
        v.add(edit("eventType a number", "\"eventType\":\"Assigned\"", "\"eventType\":3"));
        v.add(edit("status missing", "\"status\"", "\"statusX\""));
        v.add(edit("status unknown", "\"status\":\"assigned\"", "\"status\":\"Completed\""));
        v.add(edit("status a number", "\"status\":\"assigned\"", "\"status\":1"));
        for (String ts : new String[] {"2026-11-20T10:14:58", "2026-02-30T10:14:58Z", "1970-06-01T00:00:00Z",
            "2099-06-01T00:00:00Z", "2026-11-20T10:14:58+16:00", "2026-11-20T24:00:00Z", "2026-11-20T10:14:60Z",
            "2026-11-20T10:14:58.1234567890Z", "2026-11-20 10:14:58Z", "2026-11-20T10:14:58z", "2026-11-20",
            "2026-11-20T10:14:58+5:30", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-04-31T00:00:00Z"}) {
            v.add(edit("timestamp " + ts, TS, "\"timestamp\":\"" + ts + "\""));
        }
        v.add(edit("timestamp missing", TS + ",", ""));
        v.add(edit("timestamp a number", TS, "\"timestamp\":1700000000"));
        for (String date : TASK_DATES) {
            String name = date.substring(0, date.indexOf('"'));
            v.add(edit(name + " 02-30", date, name + "\":\"2026-02-30T00:00:00Z"));
            v.add(edit(name + " a number", date, name + "\":5"));
            v.add(edit(name + " in 1899", date, name + "\":\"1899-12-31T23:00:00Z"));
            v.add(edit(name + " without offset", date, name + "\":\"2026-11-20T10:00:00"));
        }
        v.add(edit("queue a number", "\"queue\":\"iWD_Queued\"", "\"queue\":7"));
        v.add(edit("agent a string", AGENT, "\"agent\":\"E1042\""));
        v.add(edit("agent without employeeId", AGENT, "\"agent\":{\"name\":\"Dana\"}"));
        v.add(edit("employeeId empty", AGENT, "\"agent\":{\"employeeId\":\"\"}"));
        v.add(edit("employeeId a number", AGENT, "\"agent\":{\"employeeId\":1042}"));
        v.add(edit("agent name a number", AGENT, "\"agent\":{\"employeeId\":\"E1\",\"name\":5}"));
        v.add(edit("tenant missing", TENANT + ",", ""));
        v.add(edit("tenant id a number", TENANT, "\"tenant\":{\"id\":100,\"name\":\"Acme\"}"));
        v.add(edit("tenant id empty", TENANT, "\"tenant\":{\"id\":\"\",\"name\":\"Acme\"}"));
        v.add(edit("tenant name a number", TENANT, "\"tenant\":{\"id\":\"100\",\"name\":1}"));
        v.add(edit("tenant id twice", TENANT, "\"tenant\":{\"id\":\"100\",\"id\":\"101\"}"));
        v.add(edit("solution missing", "\"solution\":{\"id\":\"S1\",\"name\":\"Production\"},", ""));
        v.add(edit("solution id a number", "\"solution\":{\"id\":\"S1\"", "\"solution\":{\"id\":1"));
        v.add(edit("capture point id a number", CP, "\"capturePoint\":{\"id\":3}"));
        v.add(edit("capture point a string", CP, "\"capturePoint\":\"CP3\""));
        v.add(edit("capture point without id", CP, "\"capturePoint\":{\"name\":\"x\"}"));
        v.add(edit("category missing", "\"category\":{\"id\":\"C17\"," + PATH + "},", ""));
        v.add(edit("path missing", PATH, "\"pathX\":[\"a\"]"));
        v.add(edit("path empty", PATH, "\"path\":[]"));
        v.add(edit("path of 11", PATH, "\"path\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]"));
        v.add(edit("path level empty", PATH, "\"path\":[\"Billing\",\"\"]"));
        v.add(edit("path level a number", PATH, "\"path\":[\"Billing\",2]"));
        v.add(edit("path a string", PATH, "\"path\":\"Billing\""));
        v.add(edit("category id a number", "\"id\":\"C17\"", "\"id\":17"));
        v.add(edit("priority a string", "\"priority\":120", "\"priority\":\"120\""));
        v.add(edit("priority with fraction", "\"priority\":120", "\"priority\":120.0"));
        v.add(edit("priority with exponent", "\"priority\":120", "\"priority\":1.2e2"));
        v.add(edit("priority -0", "\"priority\":120", "\"priority\":-0"));
        v.add(edit("priority of 10 digits", "\"priority\":120", "\"priority\":1000000000"));
        v.add(edit("businessValue beyond 32 bits", "\"businessValue\":50", "\"businessValue\":2147483648"));
        v.add(edit("businessValue a boolean", "\"businessValue\":50", "\"businessValue\":true"));
        v.add(edit("data an array", DATA, "\"data\":[1]"));
        v.add(edit("data a string", DATA, "\"data\":\"x\""));
        v.add(edit("data nested object", DATA, "\"data\":{\"a\":{\"b\":1}}"));
        v.add(edit("data nested array", DATA, "\"data\":{\"a\":[1]}"));
        v.add(edit("data key twice", DATA, "\"data\":{\"a\":\"1\",\"a\":\"2\"}"));
        v.add(edit("data number with exponent", DATA, "\"data\":{\"a\":1e3}"));
        v.add(edit("a \\u escape", "\"name\":\"Acme\"", "\"name\":\"Acm\\u00e9\""));
        v.add(edit("a \\u0000", "\"name\":\"Acme\"", "\"name\":\"Ac\\u0000me\""));
        v.add(edit("an escaped key", "\"taskId\"", "\"task\\/Id\":\"x\",\"taskId\""));
        v.add(edit("a raw tab in a string", "\"name\":\"Acme\"", "\"name\":\"Ac\tme\""));
        v.add(edit("task twice", "\"task\":{", "\"task\":{},\"task\":{"));
        v.add(edit("mediaType a number", "\"mediaType\":\"workitem\"", "\"mediaType\":5"));
        v.add(edit("channel a boolean", "\"channel\":\"crm\"", "\"channel\":true"));
        v.add(edit("captureId an object", "\"captureId\":\"SR-000123\"", "\"captureId\":{}"));
        v.add(edit("customerId an array", "\"customerId\":\"C-88812\"", "\"customerId\":[]"));
        v.add(edit("requestedAgent a number", "\"requestedAgent\":null", "\"requestedAgent\":1"));
        v.add(edit("sourceProcessSubtype a boolean", "\"sourceProcessSubtype\":null", "\"sourceProcessSubtype\":false"));
        v.add(edit("trailing content", BASE, BASE + " {}"));
        v.add(edit("not JSON", BASE, BASE.substring(0, BASE.length() - 1)));
        return v;
    }

    private static Variant edit(String name, String from, String to) {
        return new Variant(name, BASE).then(from, to);
    }

    private static Variant then(Variant variant, String from, String to) {
        if (!variant.json().contains(from)) {
            throw new IllegalArgumentException(variant.name() + ": the event has no " + from);
        }
        return new Variant(variant.name(), variant.json().replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }
}
