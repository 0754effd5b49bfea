package org.iwddm.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageReaderTest {
    private static final PageRequest REQUEST = PageRequest.of(URI.create("http://iwd.example/iwd/v3"), 10, 5);

    private final List<String> staged = new ArrayList<>();

    private PageSummary read(String body) throws Exception {
        return PageReader.read(new StringReader(body), REQUEST, staged::add);
    }

    private PageSummary read(String body, int limit) throws Exception {
        return PageReader.read(new StringReader(body), PageRequest.of(URI.create("http://iwd.example/iwd/v3"), 10, limit),
                staged::add);
    }

    @Test
    void passesEachEventOnExactlyAsIwdSentIt() throws Exception {
        String event = "{ \"id\" : 11,\n \"note\": \"quote \\\" backslash \\\\ tab \\t nul \\u0000 <b>&amp;'=</b> é 日本 \\u00e9 \\/\","
                + "\r\n\t\"agent\": null, \"big\": 12345678901234567890, \"fraction\": 1.50, \"e\": -1.5E+3,"
                + " \"nested\": {\"a\": [true, false, null, {}, []]}, \"note\": \"the first value of a repeated key stays\" }";

        PageSummary summary = read("{\"data\": [ \n" + event + " \n], \"lastId\": 11, \"hasMore\": false}");

        assertEquals(List.of(event), staged);
        assertEquals(new PageSummary(10, 1, 11, false), summary);
    }

    @Test
    void stagesValidJsonThatPostgresqlCannotStoreInsteadOfRefusingThePage() throws Exception {
        String loneSurrogate = "{\"id\": 11, \"note\": \"lone \\ud800 here\", \"agent\": {\"employeeId\": \"E\\udc00\"}}";
        String deep = "{\"id\": 12, \"task\": {\"data\": " + "[".repeat(100_000) + "1" + "]".repeat(100_000) + "}}";
        String repeatedKeys = "{\"id\": 13, \"taskId\": \"a\", \"taskId\": \"b\", \"task\": {\"priority\": 1, \"priority\": 2}}";

        PageSummary summary = read("{\"data\": [" + loneSurrogate + ", " + deep + ", " + repeatedKeys + "],"
                + " \"lastId\": 13, \"hasMore\": false}");

        assertEquals(List.of(loneSurrogate, deep, repeatedKeys), staged);
        assertEquals(new PageSummary(10, 3, 13, false), summary);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "repeated id, larger first  | {\"id\": 1003, \"id\": 15}",
        "repeated id, larger last   | {\"id\": 15, \"id\": 1003}",
        "repeated id, escaped name  | {\"id\": 15, \"\\u0069d\": 1003}",
        "exponent                   | {\"id\": 1.01e2}",
        "exponent, integral         | {\"id\": 1.5E2}",
        "fraction                   | {\"id\": 150.0}",
        "minus zero                 | {\"id\": -0}",
        "negative                   | {\"id\": -5}",
        "beyond 64 bits             | {\"id\": 9223372036854775808}",
        "text                       | {\"id\": \"150\"}",
        "id in a nested object only | {\"task\": {\"id\": 1003}}",
    })
    void leavesIdsThatAreNotOnePlainIntegerOutOfTheOrderCheck(String name, String event) throws Exception {
        PageSummary summary = read("{\"data\": [{\"id\": 11}, " + event + ", {\"id\": 12}], \"lastId\": 12,"
                + " \"hasMore\": false}");

        assertEquals(List.of("{\"id\": 11}", event, "{\"id\": 12}"), staged, "staged for the database to reject");
        assertEquals(new PageSummary(10, 3, 12, false), summary);
    }

    @Test
    void readsAnEscapedIdNameAsTheDatabaseDoes() throws Exception {
        PageRefusedException error = assertThrows(PageRefusedException.class, () -> read(
                "{\"data\": [{\"\\u0069d\": 12}, {\"id\": 11}], \"lastId\": 11, \"hasMore\": false}"));

        assertTrue(error.getMessage().endsWith("event 2 has id 11, not greater than the previous id 12"), error.getMessage());
    }

    @Test
    void acceptsFieldsInAnyOrderAndIgnoresUnknownOnes() throws Exception {
        PageSummary summary = read("{\"hasMore\": true, \"lastId\": 12, \"total\": {\"x\": 1},"
                + " \"data\": [{\"id\": 11}, {\"id\": 12}]}");

        assertEquals(new PageSummary(10, 2, 12, true), summary);
        assertEquals(2, staged.size());
    }

    @Test
    void stagesEventsWithoutANumericIdAndLeavesThemOutOfTheOrderCheck() throws Exception {
        PageSummary summary = read("{\"data\": [{\"id\": 11}, {\"id\": \"12\"}, {\"taskId\": \"x\"}, 42, \"text\","
                + " {\"id\": 11.5}, {\"id\": 13}, {\"id\": null}], \"lastId\": 14, \"hasMore\": false}", 8);

        assertEquals(8, staged.size(), "every element reaches staging; the database quarantines the bad ones");
        assertEquals(new PageSummary(10, 8, 14, false), summary);
    }

    @Test
    void aPageEndingWithAnEventWithoutIdMayEndAtTheLastNumericId() throws Exception {
        assertEquals(new PageSummary(10, 2, 11, false),
                read("{\"data\": [{\"id\": 11}, {\"taskId\": \"x\"}], \"lastId\": 11, \"hasMore\": false}"));
        assertEquals(new PageSummary(10, 1, 10, false),
                read("{\"data\": [{\"taskId\": \"x\"}], \"lastId\": 10, \"hasMore\": false}"));
    }

    @Test
    void anEmptyPageKeepsTheCursor() throws Exception {
        assertEquals(new PageSummary(10, 0, 10, false), read("{\"data\": [], \"lastId\": 10, \"hasMore\": false}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ids not increasing     | {\"data\": [{\"id\": 12}, {\"id\": 11}], \"lastId\": 11, \"hasMore\": false}"
                + " | event 2 has id 11, not greater than the previous id 12",
        "repeated id            | {\"data\": [{\"id\": 12}, {\"id\": 12}], \"lastId\": 12, \"hasMore\": false}"
                + " | event 2 has id 12, not greater than the previous id 12",
        "id not above sinceId   | {\"data\": [{\"id\": 10}], \"lastId\": 10, \"hasMore\": false}"
                + " | event 1 has id 10, not greater than sinceId 10",
        "lastId not last id     | {\"data\": [{\"id\": 11}], \"lastId\": 12, \"hasMore\": false}"
                + " | lastId 12 is not the last event's id 11",
        "lastId below id        | {\"data\": [{\"id\": 11}, {\"x\": 1}], \"lastId\": 10, \"hasMore\": false}"
                + " | lastId 10 is below id 11",
        "no progress            | {\"data\": [{\"x\": 1}], \"lastId\": 10, \"hasMore\": true}"
                + " | lastId 10 does not move past sinceId but hasMore is true",
        "empty, lastId moved    | {\"data\": [], \"lastId\": 12, \"hasMore\": false} | no events but lastId 12 is not sinceId",
        "empty, hasMore         | {\"data\": [], \"lastId\": 10, \"hasMore\": true} | no events but hasMore is true",
        "more than limit        | {\"data\": [{\"id\": 11}, {\"id\": 12}, {\"id\": 13}, {\"id\": 14}, {\"id\": 15}, {\"id\": 16}],"
                + " \"lastId\": 16, \"hasMore\": false} | more than limit=5 events",
        "no lastId              | {\"data\": [], \"hasMore\": false} | body has no lastId",
        "no hasMore             | {\"data\": [], \"lastId\": 10} | body has no hasMore",
        "no data                | {\"lastId\": 10, \"hasMore\": false} | body has no data array",
        "data twice             | {\"data\": [], \"data\": [], \"lastId\": 10, \"hasMore\": false} | data appears twice",
        "lastId text            | {\"data\": [], \"lastId\": \"10\", \"hasMore\": false} | lastId is not a number",
        "lastId fraction        | {\"data\": [], \"lastId\": 10.0, \"hasMore\": false} | lastId '10.0' is not an integer",
        "trailing content       | {\"data\": [], \"lastId\": 10, \"hasMore\": false} {} | content after the JSON object",
    })
    void refusesPagesThatBreakTheContract(String name, String body, String reason) {
        PageRefusedException error = assertThrows(PageRefusedException.class, () -> read(body));

        assertEquals("page refused: GET http://iwd.example/iwd/v3/tasks/events?sinceId=10&limit=5 (sinceId 10): " + reason,
                error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated          | {\"data\": [{\"id\": 11}, {\"id\": 1",
        "single quotes      | {\"data\": [{'id': 11}], \"lastId\": 11, \"hasMore\": false}",
        "unquoted name      | {\"data\": [{id: 11}], \"lastId\": 11, \"hasMore\": false}",
        "trailing comma     | {\"data\": [{\"id\": 11},], \"lastId\": 11, \"hasMore\": false}",
        "NaN                | {\"data\": [{\"id\": NaN}], \"lastId\": 11, \"hasMore\": false}",
        "leading zero       | {\"data\": [{\"id\": 011}], \"lastId\": 11, \"hasMore\": false}",
        "bad escape         | {\"data\": [{\"id\": 11, \"s\": \"\\x41\"}], \"lastId\": 11, \"hasMore\": false}",
        "short \\u escape   | {\"data\": [{\"id\": 11, \"s\": \"\\u12\"}], \"lastId\": 11, \"hasMore\": false}",
        "raw control char   | {\"data\": [{\"id\": 11, \"s\": \"a\tb\"}], \"lastId\": 11, \"hasMore\": false}",
        "unclosed deep      | {\"data\": [[[[[[[[[[[[, \"lastId\": 11, \"hasMore\": false}",
        "missing colon      | {\"data\": [{\"id\" 11}], \"lastId\": 11, \"hasMore\": false}",
        "not an object      | [{\"id\": 11}]",
        "data not an array  | {\"data\": {\"id\": 11}, \"lastId\": 11, \"hasMore\": false}",
        "hasMore not bool   | {\"data\": [], \"lastId\": 10, \"hasMore\": \"no\"}",
        "html error page    | <html><body>502 Bad Gateway</body></html>",
        "empty body         | ''",
    })
    void refusesBodiesThatAreNotTheFeedsJson(String name, String body) {
        PageRefusedException error = assertThrows(PageRefusedException.class, () -> read(body));

        assertTrue(error.getMessage().startsWith("page refused: GET http://iwd.example/iwd/v3/tasks/events?sinceId=10"
                + "&limit=5 (sinceId 10): body is not the feed's JSON: "), error.getMessage());
    }
}
