package org.iwddm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command answers --help with its usage and exit status 0; bad usage exits 2. */
class HelpTest {

    private static String[] run(int expectedStatus, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            assertEquals(expectedStatus, Main.execute(Map.of(), args));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {captured.toString(StandardCharsets.UTF_8)};
    }

    @ParameterizedTest
    @CsvSource({"--help, Usage: iwddm", "run --help, Usage: iwddm run", "config --help, Usage: iwddm config",
            "help run, Usage: iwddm run", "help, Usage: iwddm", "cds-archive --help, Usage: iwddm cds-archive",
            "check --help, Usage: iwddm check", "load-file --help, Usage: iwddm load-file"})
    void everyCommandHasHelp(String args, String usage) {
        String output = run(0, args.split(" "))[0];

        assertTrue(output.startsWith(usage), output);
        assertTrue(output.contains("Exit status"), output);
    }

    /** A bare {@code run} skips picocli; it must end exactly as {@code run} parsed by picocli does. */
    @Test
    void aBareRunAndAParsedRunValidateTheConfigurationAlike() {
        Map<String, String> incomplete = Map.of("IWDDM_DB_HOST", "localhost");
        assertEquals(RunCommand.CONFIG_INVALID, Main.execute(incomplete, "run"));
        assertEquals(RunCommand.CONFIG_INVALID, Main.execute(incomplete, "run", "--chain", "full"));
    }

    @Test
    void aBadChainOptionIsBadUsageOfTheOptionNotAConfigurationProblem() {
        String output = run(2, "run", "--chain", "bogus")[0];

        assertTrue(output.startsWith("Invalid value for option '--chain': 'bogus' is not a chain (initialize, intraday,"
                + " historical, full)"), output);
        assertTrue(output.contains("Usage: iwddm run"), output);
        assertFalse(output.contains("IWDDM_EXECUTION_CHAIN: 'bogus'"), output);
    }

    /** The command list shows each command's first description paragraph: one whole sentence, never a line cut mid-sentence. */
    @Test
    void everyCommandIsSummedUpInAWholeSentence() {
        CommandLine main = new CommandLine(new Main(Map.of()));
        for (Map.Entry<String, CommandLine> command : main.getSubcommands().entrySet()) {
            if (command.getKey().equals("help")) {
                continue;
            }
            var usage = command.getValue().getCommandSpec().usageMessage();
            String summary = usage.description()[0];
            assertTrue(summary.endsWith(".") && summary.indexOf(". ") < 0, command.getKey() + " sums up in one sentence: " + summary);
            for (String paragraph : usage.description()) {
                assertTrue(paragraph.endsWith("."), command.getKey() + " description paragraph ends a sentence: " + paragraph);
            }
            for (String paragraph : usage.footer()) {
                assertTrue(paragraph.isEmpty() || paragraph.endsWith("."), command.getKey() + " footer: " + paragraph);
            }
        }
        String list = run(0, "--help")[0];
        assertTrue(list.contains("  config       Shows the configuration the job would use (secrets masked) and\n"
                + "                 validates it.\n"), list);
    }

    @ParameterizedTest
    @CsvSource({"run --no-such-option", "frobnicate", "''"})
    void badUsageExitsTwo(String args) {
        String output = run(2, args.isEmpty() ? new String[0] : args.split(" "))[0];

        assertTrue(output.contains("Usage: iwddm"), output);
    }
}
