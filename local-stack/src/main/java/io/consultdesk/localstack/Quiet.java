package io.consultdesk.localstack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Turns the chatty infrastructure loggers down to warnings, so that the launcher's own output stays readable. */
final class Quiet {

    private Quiet() {
    }

    /** The launcher has no logging configuration file (it would leak onto the services' test classpath). */
    static void rootAtInfo() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.INFO);
        }
        loggers("io.netty", "org.h2", "org.apache.kafka", "kafka");
    }

    static void loggers(String... names) {
        for (String name : names) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
