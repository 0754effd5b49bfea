package org.iwddm.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** MemberKey against the server's iwddm.member_key, and its array text against array_out, on tricky parts. */
class MemberKeyParityTest {
    private static final List<String> TRICKY = List.of("", "NULL", "null", "Null", "nULl", " NULL", "NULL ", "NULLS",
            "a", "plain", " ", "  lead", "trail ", "in side", "tab\there", "\t", "new\nline", "\r\n", "v\u000btab",
            "form\ffeed", "\u00a0nbsp", "\u2003em space", "quote\"d", "\"", "back\\slash", "\\", "\\N", "{", "}",
            "{a,b}", "a,b", ",", "semi;colon", "'single'", "é", "日本語", "😀", "a😀b", "\u0001ctl", "\u007fdel",
            "x".repeat(300), "iWD_Queued", "E1042", "gold", "card");

    @Test
    void singlePartsMatchTheServer() throws Exception {
        List<String[]> cases = new ArrayList<>();
        TRICKY.forEach(part -> cases.add(new String[] {part}));
        cases.add(new String[] {null});
        assertServerAgrees(cases);
    }

    @Test
    void multiPartsWithNullsMatchTheServer() throws Exception {
        List<String[]> cases = new ArrayList<>();
        for (int i = 0; i < TRICKY.size(); i++) {
            String other = TRICKY.get((i * 7 + 3) % TRICKY.size());
            cases.add(new String[] {TRICKY.get(i), other});
            cases.add(new String[] {TRICKY.get(i), null});
            cases.add(new String[] {null, TRICKY.get(i)});
        }
        cases.add(new String[] {null, null});
        cases.add(new String[] {null, null, null, null, null});
        cases.add(new String[] {"a", null, "NULL", "", null});
        assertServerAgrees(cases);
    }

    @Test
    void allNullIsTheUnknownMember() {
        MemberKey keys = new MemberKey();
        assertEquals(0, keys.of((String) null));
        assertEquals(0, keys.of(null, null));
        assertTrue(keys.of("") != 0, "an empty string is a member, not unknown");
    }

    private static void assertServerAgrees(List<String[]> cases) throws Exception {
        MemberKey keys = new MemberKey();
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT iwddm.member_key(VARIADIC ?::text[]), (?::text[])::text")) {
            for (String[] parts : cases) {
                select.setArray(1, connection.createArrayOf("text", parts));
                select.setArray(2, connection.createArrayOf("text", parts));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    String label = Arrays.toString(parts);
                    assertEquals(row.getString(2), keys.arrayText(parts), "array text of " + label);
                    assertEquals(row.getLong(1), keys.of(parts), "member_key of " + label);
                }
            }
        }
    }
}
