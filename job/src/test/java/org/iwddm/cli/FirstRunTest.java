package org.iwddm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The first run on an empty database, as an operator sees its log: no raw server notices. */
class FirstRunTest {

    @Test
    void theFirstRunCreatesTheSchemaWithoutAWarning() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1))) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_EXECUTION_CHAIN", "initialize");
            JobProcess job = JobProcess.run(env, "run");

            assertEquals(0, job.exitCode(), job.stdout() + job.stderr());
            List<JsonObject> warnings = job.logLines().stream()
                    .filter(line -> !"INFO".equals(line.get("level").getAsString())).toList();
            assertEquals(List.of(), warnings, "no WARN or ERROR line on a clean first run");
            assertTrue(job.lastLogLine().get("message").getAsString().startsWith("run succeeded"), job.stdout());
        }
    }
}
