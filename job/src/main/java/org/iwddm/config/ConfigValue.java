package org.iwddm.config;

/** A raw configuration value and where it came from ("environment" or a secret file path). */
public record ConfigValue(String text, String origin) {
    @Override
    public String toString() {
        // The text may be a secret: a ConfigValue never prints it.
        return "ConfigValue[origin=" + origin + "]";
    }
}
