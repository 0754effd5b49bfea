package org.iwddm.gim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.iwddm.chain.RunOutcome;
import org.iwddm.chain.Runs;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Agent names from a second real database standing in for the tenant's Info Mart. */
class GimAgentNamesTest {

    private static Map<String, String> env(TestDatabase mart, FakeIwd iwd, String gimUrl) {
        Map<String, String> env = TestEnvironment.forJob(mart, iwd.restUrl());
        env.put("IWDDM_GIM_ENABLED", "true");
        env.put("IWDDM_GIM_URL", gimUrl);
        env.put("IWDDM_GIM_DBUSER", TestDatabase.user());
        env.put("IWDDM_GIM_PASSWORD", TestDatabase.password());
        return env;
    }

    private static TestDatabase gimWith(String... inserts) throws Exception {
        TestDatabase gim = TestDatabase.createEmpty();
        try (Connection connection = gim.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE resource_ (resource_key serial PRIMARY KEY, employee_id text,"
                    + " resource_name text, agent_first_name text, agent_last_name text)");
            for (String insert : inserts) {
                statement.execute(insert);
            }
        }
        return gim;
    }

    private static String agentE7(TestDatabase mart) throws Exception {
        try (Connection connection = mart.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT concat_ws('|', agent_name, agent_first_name, agent_last_name)"
                     + " FROM iwddm.agent WHERE employee_id = 'E7'")) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void agentNamesComeFromGimResourceRowsMatchedByEmployeeId() throws Exception {
        try (TestDatabase mart = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(2));
             TestDatabase gim = gimWith("INSERT INTO resource_ (employee_id, resource_name, agent_first_name, agent_last_name)"
                     + " VALUES ('E7', 'dreyes', 'Dana', 'Reyes'), ('E99', 'nobody', 'No', 'Body'), (NULL, 'x', 'y', 'z')")) {
            RunOutcome outcome = Runs.run(env(mart, iwd, gim.url()));

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals("dreyes|Dana|Reyes", agentE7(mart));
            assertEquals(0, Runs.count(mart, "SELECT count(*) FROM iwddm.agent WHERE employee_id = 'E99'"),
                    "GIM adds no agents the feed never mentioned");
        }
    }

    @Test
    void aNullGimValueKeepsTheFeedNameAndDuplicatesResolveTheSameWayEveryTime() throws Exception {
        try (TestDatabase mart = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             TestDatabase gim = gimWith("INSERT INTO resource_ (employee_id, resource_name, agent_first_name, agent_last_name)"
                     + " VALUES ('E7', NULL, 'Dana', 'A'), ('E7', NULL, 'Dana', 'B')")) {
            Runs.run(env(mart, iwd, gim.url()));

            assertEquals("Dana \"D\" Reyes|Dana|B", agentE7(mart), "feed name kept; greatest duplicate wins");
        }
    }

    @Test
    void aGimThatIsDownOrBrokenIsLoggedAndNeverFailsTheLoad() throws Exception {
        try (TestDatabase mart = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(2));
             TestDatabase noTable = TestDatabase.createEmpty()) {
            RunOutcome down = Runs.run(env(mart, iwd, "jdbc:postgresql://127.0.0.1:1/gim"));

            assertEquals(RunOutcome.Status.SUCCEEDED, down.status(), down.message());
            assertEquals(8, Runs.count(mart, "SELECT count(*) FROM iwddm.task_event_fact"), "the load is committed");
            assertEquals("Dana \"D\" Reyes", agentE7(mart), "names from the feed stay");

            RunOutcome broken = Runs.run(env(mart, iwd, noTable.url()));
            assertEquals(RunOutcome.Status.SUCCEEDED, broken.status(), "a GIM without resource_ does not fail the run");
        }
    }
}
