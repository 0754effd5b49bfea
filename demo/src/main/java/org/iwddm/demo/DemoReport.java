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
 * Read from the day view of the task_classif aggregates, as a reporting tool would; then the
 * largest backlog explained task by task with iwddm.explain_measure (docs/aggregates.md).
 */
public final class DemoReport {
    /** One department/process line of the report. */
    public record Line(String department, String process, long entered, long completed, long backlog,
            long overdueBacklog, Double averageCompletionHours) {
    }

    /** One task behind the explained number. */
    public record Task(String interactionId, long contribution, String status, String lastEvent) {
    }

    /** The largest backlog of the day and the open tasks that make it. */
    public record Explained(String department, String process, long value, List<Task> tasks) {
    }

    /** The report's line with the largest backlog (by names, as printed), over every key pair it sums. */
    private static final String EXPLAIN_SQL = """
            WITH last AS (SELECT max(date_time_day_key) AS k FROM iwddm.iwd_agg_task_classif_day),
            named AS (
                SELECT coalesce(nullif(d.department_name, ''), '(none)') AS department,
                       coalesce(nullif(p.process_name, ''), '(none)') AS process,
                       a.department_key, a.process_key, a.backlog
                FROM iwddm.iwd_agg_task_classif_day a JOIN last ON a.date_time_day_key = last.k
                LEFT JOIN iwddm.department d ON d.department_key = a.department_key
                LEFT JOIN iwddm.process p ON p.process_key = a.process_key),
            top AS (SELECT department, process, sum(backlog) AS backlog FROM named
                    GROUP BY 1, 2 HAVING sum(backlog) > 0 ORDER BY 3 DESC, 1, 2 LIMIT 1),
            pairs AS (SELECT DISTINCT n.department_key, n.process_key FROM named n JOIN top USING (department, process))
            SELECT top.department, top.process, top.backlog, x.interaction_id, x.contribution, x.status,
                   x.event_type || ' at ' || to_char(x.event_ts AT TIME ZONE c.timezone, 'HH24:MI') AS last_event
            FROM top CROSS JOIN last CROSS JOIN iwddm.mart_config c CROSS JOIN pairs
            CROSS JOIN LATERAL iwddm.explain_measure('task_classif', 'backlog', to_timestamp(last.k),
                jsonb_build_object('department_key', pairs.department_key, 'process_key', pairs.process_key), 'day') x
            ORDER BY x.event_ts, x.interaction_id""";

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
    private final Explained explained;

    private DemoReport(String day, List<Line> lines, Explained explained) {
        this.day = day;
        this.lines = List.copyOf(lines);
        this.explained = explained;
    }

    static DemoReport of(String day, List<Line> lines) {
        return new DemoReport(day, lines, null);
    }

    public static DemoReport read(DemoTarget target) throws DemoException {
        String url = "jdbc:postgresql://" + target.host() + ":" + target.port() + "/" + target.database();
        try (Connection connection = DriverManager.getConnection(url, target.user(), target.password())) {
            List<Line> lines = new ArrayList<>();
            String day = null;
            try (PreparedStatement statement = connection.prepareStatement(SQL);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    day = rows.getString("day");
                    double hours = rows.getDouble("avg_hours");
                    lines.add(new Line(rows.getString("department"), rows.getString("process"), rows.getLong("entered"),
                            rows.getLong("completed"), rows.getLong("backlog"), rows.getLong("overdue_backlog"),
                            rows.wasNull() ? null : hours));
                }
            }
            return new DemoReport(day, lines, explain(connection));
        } catch (SQLException e) {
            throw new DemoException("could not read the report from the mart: " + e.getMessage(), e);
        }
    }

    /** Null when the last day ends with no backlog anywhere. */
    private static Explained explain(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EXPLAIN_SQL);
             ResultSet rows = statement.executeQuery()) {
            List<Task> tasks = new ArrayList<>();
            String department = null;
            String process = null;
            long value = 0;
            while (rows.next()) {
                department = rows.getString("department");
                process = rows.getString("process");
                value = rows.getLong("backlog");
                tasks.add(new Task(rows.getString("interaction_id"), rows.getLong("contribution"), rows.getString("status"),
                        rows.getString("last_event")));
            }
            return department == null ? null : new Explained(department, process, value, tasks);
        }
    }

    public String day() {
        return day;
    }

    public List<Line> lines() {
        return lines;
    }

    /** The explained backlog; null when there is none. */
    public Explained explained() {
        return explained;
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
        printExplained(out);
    }

    private void printExplained(PrintStream out) {
        if (explained == null) {
            return;
        }
        out.println();
        out.println("Why is the backlog of " + explained.department() + "/" + explained.process() + " " + explained.value()
                + "? iwddm.explain_measure lists the open tasks behind it:");
        int shown = Math.min(5, explained.tasks().size());
        for (Task task : explained.tasks().subList(0, shown)) {
            out.printf("  %s %+d  %-10s last event %s%n", TextColumns.fit(task.interactionId(), 24), task.contribution(),
                    task.status(), task.lastEvent());
        }
        if (explained.tasks().size() > shown) {
            out.println("  ... and " + (explained.tasks().size() - shown) + " more");
        }
        long sum = explained.tasks().stream().mapToLong(Task::contribution).sum();
        out.println("  contributions add up to " + sum + " (see docs/aggregates.md, \"Explain a number\")");
    }
}
