package org.iwddm.log;

/** Renders an exception for the log: its message and the chain of causes, on one line. */
public final class Errors {
    private static final int MAX_CAUSES = 5;

    private Errors() {
    }

    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(messageOf(error));
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && cause != error && depth < MAX_CAUSES; depth++) {
            String causeText = messageOf(cause);
            if (!text.toString().contains(causeText)) {
                text.append(" (caused by ").append(causeText).append(')');
            }
            cause = cause.getCause();
        }
        return text.toString();
    }

    private static String messageOf(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName()
                : isOurs(error) ? message : error.getClass().getSimpleName() + ": " + message;
    }

    private static boolean isOurs(Throwable error) {
        return error.getClass().getName().startsWith("org.iwddm.");
    }
}
