package io.consultdesk.query.web;

import com.mongodb.MongoException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Failures as application/problem+json: 400 naming the bad parameter, 404 for a path that does not exist,
 * 405 for a wrong method, 406/415 for media types, 503 when MongoDB is away, 500 (logged) only for real
 * faults, without internals.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** No parameter of ours has a name like these: they are operator or array syntax (x[$ne]=1, {…}). */
    private static final Pattern OPERATOR_LIKE = Pattern.compile(".*[\\[\\]{}$].*");

    /** A parameter that is refused before any handler runs. */
    static final class BadParameter extends RuntimeException {
        private final String name;

        BadParameter(String name, String message) {
            super(message);
            this.name = name;
        }
    }

    /** A parameter name that looks like an operator or an index is refused on every endpoint. */
    @ModelAttribute
    public void refuseOperatorLikeParameters(HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (OPERATOR_LIKE.matcher(name).matches()) {
                throw new BadParameter(name, "is not a parameter of this request");
            }
        }
    }

    @ExceptionHandler(BadParameter.class)
    public ProblemDetail badParameter(BadParameter e) {
        return field(e.name, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return field(e.getName(), "'" + shorten(e.getValue()) + "' is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase()));
    }

    /** Constraints declared on parameters: each bad one named. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    public ProblemDetail invalid(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(Map.of("field", error instanceof FieldError f ? name + "." + f.getField() : name,
                        "message", String.valueOf(error.getDefaultMessage())));
            }
        });
        return fields(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return field("body", "is not readable");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type "
                + (e.getContentType() == null ? "(none)" : e.getContentType()) + " is not supported here");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, "the Accept header asks for nothing this answers with");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ProblemDetail missing(MissingServletRequestParameterException e) {
        return field(e.getParameterName(), "is required");
    }

    /** A query parameter that does not convert (overdue=maybe, page=1e3): each bad one named. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ProblemDetail badParameters(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", f.getCode() != null && f.getCode().equals("typeMismatch")
                        ? "'" + f.getRejectedValue() + "' is not a valid value" : String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(m -> m.get("field") + ": " + m.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A parameter name that is no parameter of ours but looks like a property path (consultation[$ne]=x). */
    @ExceptionHandler(InvalidPropertyException.class)
    public ProblemDetail unknownParameter(InvalidPropertyException e) {
        return field(e.getPropertyName(), "is not a parameter of this request");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ProblemDetail noSuchPath(NoResourceFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such path: /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ProblemDetail wrongMethod(HttpRequestMethodNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods());
    }

    @ExceptionHandler(MongoException.class)
    public ProblemDetail storeAway(MongoException e) {
        log.warn("read store unavailable: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the read store is not reachable right now; try again shortly");
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            // any other request Spring itself refuses (a binding, a missing header …): its 4xx, no internals
            return ProblemDetail.forStatusAndDetail(response.getStatusCode(), shorten(response.getBody().getDetail()));
        }
        log.error("unexpected failure", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged");
    }

    private static ProblemDetail fields(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(m -> m.get("field") + ": " + m.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String shorten(Object value) {
        String s = String.valueOf(value);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static ProblemDetail field(String name, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, name + ": " + message);
        problem.setProperty("errors", List.of(Map.of("field", name, "message", message)));
        return problem;
    }
}
