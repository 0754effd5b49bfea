package org.iwddm.log;

import java.util.Comparator;
import java.util.List;

/**
 * Removes secret values from any text the job prints. A second line of defence: code never puts
 * secrets in messages on purpose, but exception texts from libraries are not under our control.
 */
public final class Redactor {
    public static final String MASK = "******";
    /** Shorter values would mask ordinary words; such secrets are not realistic credentials. */
    static final int MIN_SECRET_LENGTH = 3;
    public static final Redactor NONE = new Redactor(List.of());

    private final List<String> secrets;

    public Redactor(List<String> secrets) {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = secrets.stream().filter(s -> s.length() >= MIN_SECRET_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public String scrub(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
