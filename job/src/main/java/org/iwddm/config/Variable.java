package org.iwddm.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every environment variable the job reads (SPEC §2); the job reads nothing else. Secret
 * variables are never echoed in problems, logs or toString.
 */
public enum Variable {
    IWDDM_DB_HOST,
    IWDDM_DB_PORT,
    IWDDM_DB_NAME,
    IWDDM_DB_USER,
    IWDDM_DB_PASSWORD(true),
    IWDDM_REST_URL,
    IWDDM_API_KEY(true),
    IWDDM_CCID,
    IWDDM_TENANT_ID,
    IWDDM_EXECUTION_CHAIN,
    IWDDM_BATCH_SIZE,
    IWDDM_RUN_MAX_EVENTS,
    IWDDM_RUN_MAX_SECONDS,
    IWDDM_HTTP_PROXY_URL,
    IWDDM_HTTPS_PROXY_URL,
    IWDDM_TIMEZONE,
    IWDDM_RETAIN_TASKS_DAYS,
    IWDDM_RETAIN_REJECTED_DAYS,
    IWDDM_RETAIN_AUDIT_DAYS,
    IWDDM_RETAIN_AGG_15MIN_DAYS,
    IWDDM_MONITORING_ENABLED,
    IWDDM_PUSHGATEWAY_URL,
    IWDDM_GIM_ENABLED,
    IWDDM_GIM_URL,
    IWDDM_GIM_DBUSER,
    IWDDM_GIM_PASSWORD(true),
    IWDDM_WFM_ENABLED,
    IWDDM_WFM_REST_URL,
    IWDDM_WFM_HEALTH_URL,
    IWDDM_WFM_GAUTH_ENABLED,
    IWDDM_WFM_GAUTH_REST_URL,
    IWDDM_WFM_GAUTH_CLIENT_ID,
    IWDDM_WFM_GAUTH_CLIENT_SECRET(true),
    IWDDM_SECRETS_DIRS;

    private final boolean secret;

    Variable() {
        this(false);
    }

    Variable(boolean secret) {
        this.secret = secret;
    }

    public boolean isSecret() {
        return secret;
    }

    public static Optional<Variable> named(String name) {
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }
}
