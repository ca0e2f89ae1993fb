package io.consultdesk.command.publishedlanguage;

import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every event type of the published language: stable name, revision and the class that carries it now,
 * found by their {@link EventName}. Built once; refuses to start on a duplicate name or a missing revision,
 * since either would make stored events ambiguous.
 */
public final class PublishedEvents {

    /** The package whose classes may carry events. */
    public static final String BASE_PACKAGE = "io.consultdesk.command";

    private static final PublishedEvents INSTANCE = scan(BASE_PACKAGE);

    private final Map<String, Class<?>> classByName;
    private final Map<Class<?>, String> nameByClass;

    private PublishedEvents(Map<String, Class<?>> classByName) {
        this.classByName = Collections.unmodifiableMap(classByName);
        Map<Class<?>, String> names = new LinkedHashMap<>();
        classByName.forEach((name, type) -> names.put(type, name));
        this.nameByClass = Collections.unmodifiableMap(names);
    }

    public static PublishedEvents get() {
        return INSTANCE;
    }

    static PublishedEvents scan(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventName.class));
        Map<String, Class<?>> classes = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), PublishedEvents.class.getClassLoader());
            String name = type.getAnnotation(EventName.class).value();
            if (type.getAnnotation(Revision.class) == null) {
                throw new IllegalStateException("event " + name + " (" + type.getName() + ") has no @Revision");
            }
            Class<?> other = classes.putIfAbsent(name, type);
            if (other != null) {
                throw new IllegalStateException("event name " + name + " is carried by both " + other.getName() + " and " + type.getName());
            }
        }
        return new PublishedEvents(classes);
    }

    /** The stable name of an event class; empty for anything that is not an event (metadata, snapshots). */
    public Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(nameByClass.get(type));
    }

    public Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(classByName.get(name));
    }

    public static String revisionOf(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    public Collection<String> names() {
        return classByName.keySet();
    }

    public Collection<Class<?>> classes() {
        return classByName.values();
    }
}
