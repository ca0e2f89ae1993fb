package io.consultdesk.command.publishedlanguage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name of an event type: stored with every event and sent as the envelope's {@code type}. It
 * is forever: renaming the class changes nothing, renaming this breaks every reader. Its schema revision is
 * Axon's {@code @Revision} on the same class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventName {
    String value();
}
