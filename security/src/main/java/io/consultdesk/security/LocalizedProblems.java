package io.consultdesk.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every problem+json a controller or exception handler answers, said in the caller's language
 * ({@link ProblemLanguage}): its {@code detail} and each {@code errors[].message} in Chinese from the services'
 * {@link ProblemPhrases}, unless English is asked for; field names and values stay as they are. Registered by
 * {@link ProblemErrorPages}, so both services answer alike.
 */
@ControllerAdvice
public class LocalizedProblems implements ResponseBodyAdvice<Object> {

    private final List<ProblemPhrases> catalogues;

    public LocalizedProblems(List<ProblemPhrases> catalogues) {
        this.catalogues = List.copyOf(catalogues);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail problem) || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        HttpServletRequest http = servlet.getServletRequest();
        boolean english = ProblemLanguage.english(http);
        response.getHeaders().set("Content-Language", ProblemLanguage.tag(english));
        if (english) {
            return body;
        }
        problem.setDetail(ProblemPhrases.chinese(problem.getDetail(), catalogues));
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
            List<Object> said = new ArrayList<>();
            for (Object error : errors) {
                if (error instanceof Map<?, ?> m && m.get("message") instanceof String message) {
                    said.add(Map.of("field", String.valueOf(m.get("field")),
                            "message", ProblemPhrases.lookUp(message, catalogues).orElse(message)));
                } else {
                    said.add(error);
                }
            }
            problem.setProperty("errors", said);
        }
        return problem;
    }
}
