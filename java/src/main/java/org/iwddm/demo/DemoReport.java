package org.iwddm.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a contact-center manager asks first, per department and process for the last loaded day:
 * how much work came in, how much got done, what is left (and overdue), how long completion took.
 * Read from the day view of the task_classif aggregates, as a reporting tool would.
 */
public final class DemoReport {
    /** One department/process line of the report. */
    public record Line(String department, String process, long entered, long completed, long backlog,
            long overdueBacklog, Double averageCompletionHours) {
    }

    private static final String SQL = """
            SELECT coalesce(nullif(d.department_name, ''), '(none)') AS department,
                   coalesce(nullif(p.process_name, ''), '(none)') AS process,
                   sum(a.entered) AS entered, sum(a.completed) AS completed,
                   sum(a.backlog) AS backlog, sum(a.overdue_backlog) AS overdue_backlog,
                   sum(a.complete_time_sum_sec) / nullif(sum(a.completed), 0) / 3600.0 AS avg_hours,
                   min(e.calendar_date)::text AS day
            FROM iwddm.iwd_agg_task_classif_day a
            JOIN (SELECT max(date_time_day_key) AS k FROM iwddm.iwd_agg_task_classif_day) last
              ON a.date_time_day_key = last.k
            JOIN iwddm.date_time t ON t.date_time_key = a.date_time_day_key
            JOIN iwddm.event_date e ON e.event_date_key = t.event_date_key
            LEFT JOIN iwddm.department d ON d.department_key = a.department_key
            LEFT JOIN iwddm.process p ON p.process_key = a.process_key
            GROUP BY 1, 2
            ORDER BY 1, 2""";

    private final String day;
    private final List<Line> lines;

    private DemoReport(String day, List<Line> lines) {
        this.day = day;
        this.lines = List.copyOf(lines);
    }

    static DemoReport of(String day, List<Line> lines) {
        return new DemoReport(day, lines);
    }

    public static DemoReport read(DemoTarget target) throws DemoException {
        String url = "jdbc:postgresql://" + target.host() + ":" + target.port() + "/" + target.database();
        try (Connection connection = DriverManager.getConnection(url, target.user(), target.password());
                PreparedStatement statement = connection.prepareStatement(SQL);
                ResultSet rows = statement.executeQuery()) {
            List<Line> lines = new ArrayList<>();
            String day = null;
            while (rows.next()) {
                day = rows.getString("day");
                double hours = rows.getDouble("avg_hours");
                lines.add(new Line(rows.getString("department"), rows.getString("process"), rows.getLong("entered"),
                        rows.getLong("completed"), rows.getLong("backlog"), rows.getLong("overdue_backlog"),
                        rows.wasNull() ? null : hours));
            }
            return new DemoReport(day, lines);
        } catch (SQLException e) {
            throw new DemoException("could not read the report from the mart: " + e.getMessage(), e);
        }
    }

    public String day() {
        return day;
    }

    public List<Line> lines() {
        return lines;
    }

    public void print(PrintStream out) {
        out.println();
        out.println("Tasks per department and process on " + (day == null ? "(no day loaded)" : day) + " (mart time zone)");
        out.printf("%s %s %8s %9s %8s %8s %13s%n", TextColumns.fit("department", 14), TextColumns.fit("process", 18),
                "entered", "completed", "backlog", "overdue", "avg done (h)");
        for (Line line : lines) {
            out.printf("%s %s %8d %9d %8d %8d %13s%n", TextColumns.fit(line.department(), 14),
                    TextColumns.fit(line.process(), 18), line.entered(), line.completed(), line.backlog(),
                    line.overdueBacklog(),
                    line.averageCompletionHours() == null ? "-" : String.format("%.1f", line.averageCompletionHours()));
        }
        out.println("backlog and overdue: open tasks at the end of the day (or of the last loaded interval)");
    }
}
