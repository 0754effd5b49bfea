package org.iwddm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void printsAsAMaskEverywhere() {
        Secret secret = Secret.of("hunter2-secret");

        assertEquals("******", secret.toString());
        assertFalse(("value " + secret).contains("hunter2"));
        assertFalse(new DatabaseSettings("h", 5432, "d", "u", secret).toString().contains("hunter2"));
        assertFalse(new GimSettings(true, "jdbc:postgresql://g/gim?password=hunter2-secret", "u", secret).toString()
                .contains("hunter2"));
        assertFalse(new ConfigValue("hunter2-secret", "environment").toString().contains("hunter2"));
        assertEquals("hunter2-secret", secret.reveal());
    }
}
