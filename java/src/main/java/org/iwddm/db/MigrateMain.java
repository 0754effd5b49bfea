package org.iwddm.db;

/**
 * Small entry point until the CLI's initialize chain exists:
 * {@code java -cp iwddm.jar org.iwddm.db.MigrateMain jdbc:postgresql://host/db user}
 * with the password in IWDDM_DB_PASSWORD (never on the command line).
 */
public final class MigrateMain {
    private MigrateMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: MigrateMain <jdbc-url> <user>   (password from IWDDM_DB_PASSWORD)");
            System.exit(2);
        }
        String password = System.getenv().getOrDefault("IWDDM_DB_PASSWORD", "");
        int applied = Schema.migrate(args[0], args[1], password);
        System.out.println("migrations applied: " + applied);
    }
}
