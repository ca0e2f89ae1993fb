package io.consultdesk.command.publishedlanguage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of the published language, fixed here rather than taken from the application's Jackson settings:
 * a change of {@code spring.jackson.*} must not change what readers receive. Times as ISO-8601 text,
 * absent values left out.
 */
public final class PublishedJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private PublishedJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
