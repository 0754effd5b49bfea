package org.iwddm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo report's columns line up as a terminal shows them, wide (CJK) names included. */
class DemoReportTest {

    @Test
    void columnsAlignWithWideAndLongNames() {
        DemoReport report = DemoReport.of("2026-11-20", List.of(
                new DemoReport.Line("Sales", "Orders", 12, 10, 2, 0, 1.5),
                new DemoReport.Line("営業部", "注文処理", 7, 5, 2, 1, 0.25),
                new DemoReport.Line("カスタマーサポート本部東京", "返品・交換の受付と処理", 3, 3, 0, 0, null),
                new DemoReport.Line("Ärger- und Beschwerdemanagement", "e\u0301tude", 1, 0, 1, 1, null)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> table = bytes.toString(StandardCharsets.UTF_8).lines().skip(2).limit(5).toList();

        int width = TextColumns.columns(table.get(0));
        for (String line : table) {
            assertEquals(width, TextColumns.columns(line), "every line as wide as the header:\n" + String.join("\n", table));
            assertEquals(' ', line.charAt(line.length() - 14), "the last column starts at the same place: " + line);
        }
        assertTrue(table.get(3).startsWith("カスタマーサ…  返品"), "cut to 14 columns, with an ellipsis: " + table.get(3));
        assertTrue(table.get(2).startsWith("営業部" + " ".repeat(9) + "注文処理" + " ".repeat(11) + "       7"), table.get(2));
    }

    @Test
    void displayWidthCountsWideCharactersTwiceAndMarksNever() {
        assertEquals(6, TextColumns.columns("営業部"));
        assertEquals(5, TextColumns.columns("e\u0301tude"));
        assertEquals("営業… ", TextColumns.fit("営業部サポート", 6));
        assertEquals("ab   ", TextColumns.fit("ab", 5));
    }
}
