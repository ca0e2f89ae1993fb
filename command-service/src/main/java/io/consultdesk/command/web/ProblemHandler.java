package io.consultdesk.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.mongodb.MongoException;
import io.consultdesk.command.eventstore.DuplicateEvent;
import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.kernel.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every refusal as application/problem+json: 400 naming each bad field or parameter, 403 for rights, 404 for
 * unknown ids, 409 with the current state for commands that do not fit it, 413/415 for bodies too large or
 * of the wrong type, 503 when the store is away, 500 (logged) only for real faults. A refusal by the domain, a stale
 * version, a clash and the store away carry a stable {@code code} ({@link RefusalPhrases}). No stack trace or
 * internal detail ever leaves. Text in a JSON body must be valid Unicode without NUL: a lone surrogate or a
 * NUL is refused naming its field before any command is sent.
 */
@RestControllerAdvice
public class ProblemHandler implements RequestBodyAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** No parameter of ours has a name like these: they are operator or array syntax (x[$ne]=1, {…}). */
    private static final Pattern OPERATOR_LIKE = Pattern.compile(".*[\\[\\]{}$].*");

    /** A parameter name that looks like an operator or an index is refused before any handler runs. */
    @ModelAttribute
    public void refuseOperatorLikeParameters(HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (OPERATOR_LIKE.matcher(name).matches()) {
                throw new InvalidField(name, "is not a parameter of this request");
            }
        }
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        return fields(errors);
    }

    @ExceptionHandler(InvalidField.class)
    public ProblemDetail invalid(InvalidField e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.field() + ": " + e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return invalid(new InvalidField(field, "has the wrong type or format"));
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return invalid(new InvalidField("body", "must be a JSON " + (Collection.class.isAssignableFrom(mismatch.getTargetType())
                    ? "list" : "object")));
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return invalid(new InvalidField("body", "is missing"));
        }
        return invalid(new InvalidField("body", "is not valid JSON (or not UTF-8)"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than the "
                + (e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() / 1_000_000 + " MB" : "size") + " allowed");
    }

    @ExceptionHandler(MultipartException.class)
    public ProblemDetail badMultipart(MultipartException e) {
        return invalid(new InvalidField("body", "is not a readable multipart/form-data body"));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    public ProblemDetail missingPart(MissingServletRequestPartException e) {
        return invalid(new InvalidField(e.getRequestPartName(), "is required"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return invalid(new InvalidField(e.getParameterName(), "is required"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return invalid(new InvalidField(e.getName(), "'" + shorten(e.getValue()) + "' is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase())));
    }

    /** Constraints on parameters and on the elements of a list body: each bad one named, with its index. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    public ProblemDetail invalid(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            String at = name + (result.getContainerIndex() != null ? "[" + result.getContainerIndex() + "]"
                    : result.getContainerKey() != null ? "[" + result.getContainerKey() + "]" : "");
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError f ? at + "." + f.getField() : at;
                errors.add(Map.of("field", field, "message", String.valueOf(error.getDefaultMessage())));
            }
        });
        return fields(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ProblemDetail invalid(ConstraintViolationException e) {
        return fields(e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString().replaceFirst("^[^.]+\\.", ""), "message", v.getMessage()))
                .toList());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type " + (e.getContentType() == null ? "(none)" : e.getContentType())
                + " is not supported here; send " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "the Accept header asks for nothing this answers with");
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ProblemDetail wrapped(CommandExecutionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RuntimeException runtime && !(cause instanceof CommandExecutionException)) {
            return handleDomain(runtime);
        }
        return unexpected(e);
    }

    @ExceptionHandler({Refusal.class, AggregateNotFoundException.class, ConcurrencyException.class,
            ConflictingAggregateVersionException.class, MongoException.class})
    public ProblemDetail handleDomain(RuntimeException e) {
        if (e instanceof Refusal refusal) {
            ProblemDetail problem = problem(switch (refusal.kind()) {
                case CONFLICT -> HttpStatus.CONFLICT;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
            }, refusal.getMessage());
            problem.setProperty("code", RefusalPhrases.codeOf(refusal));
            refusal.facts().forEach(problem::setProperty);
            return problem;
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return coded(problem(HttpStatus.NOT_FOUND, "no item with id '" + notFound.getAggregateIdentifier() + "'"), "unknown-item");
        }
        if (e instanceof ConflictingAggregateVersionException conflict) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, "expectedVersion " + conflict.getExpectedVersion()
                    + " is stale: the item is now at version " + conflict.getActualVersion() + "; reload it and try again");
            problem.setProperty("currentVersion", conflict.getActualVersion());
            return coded(problem, "stale-version");
        }
        if (e instanceof ConcurrencyException) {
            return coded(problem(HttpStatus.CONFLICT, "someone else changed this item at the same moment; reload it and try again"),
                    "changed-meanwhile");
        }
        if (DuplicateEvent.isCauseOf(e)) {
            return coded(problem(HttpStatus.CONFLICT, "someone else recorded this first (the id exists already, or the item changed at the same moment); reload it and try again"),
                    "recorded-meanwhile");
        }
        if (e instanceof MongoException) {
            log.warn("event store unavailable: {}", e.getMessage());
            return coded(problem(HttpStatus.SERVICE_UNAVAILABLE, "the event store is not reachable right now; nothing was recorded, try again shortly"),
                    "store-unavailable");
        }
        return unexpected(e);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ProblemDetail noSuchPath(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "no such path: /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ProblemDetail wrongMethod(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods());
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            if (cause instanceof MongoException || cause instanceof Refusal
                    || cause instanceof ConcurrencyException || cause instanceof ConflictingAggregateVersionException
                    || cause instanceof AggregateNotFoundException) {
                return handleDomain((RuntimeException) cause);
            }
            cause = cause.getCause();
        }
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            // any other request Spring itself refuses (a binding, a missing header …): its 4xx, no internals
            return ProblemDetail.forStatusAndDetail(response.getStatusCode(), shorten(response.getBody().getDetail()));
        }
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged");
    }

    // ---------------------------------------------------------------- text in JSON bodies

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) {
        return inputMessage;
    }

    /** Refuses text that is not valid Unicode (a lone surrogate) or holds a NUL, naming where it is. */
    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        checkText(body, body instanceof Collection<?> ? parameter.getParameterName() : "", 0);
        return body;
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        return body;
    }

    private static void checkText(Object value, String at, int depth) {
        if (value == null || depth > 10) {
            return;
        }
        if (value instanceof String text) {
            String why = badText(text);
            if (why != null) {
                throw new InvalidField(at.isEmpty() ? "body" : at, why);
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                checkText(item, at + "[" + i++ + "]", depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                checkText(entry.getKey(), at, depth + 1);
                checkText(entry.getValue(), (at.isEmpty() ? "" : at + ".") + entry.getKey(), depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    checkText(component.getAccessor().invoke(value), (at.isEmpty() ? "" : at + ".") + component.getName(), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static String badText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain NUL";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))
                    || Character.isLowSurrogate(c)) {
                return "is not valid Unicode (a lone surrogate)";
            }
        }
        return null;
    }

    private static ProblemDetail fields(List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid fields: "
                + errors.stream().map(m -> m.get("field")).distinct().collect(Collectors.joining(", ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String shorten(Object value) {
        String s = String.valueOf(value);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** The problem with its stable {@code code}: what a client tests, whichever language the detail is in. */
    private static ProblemDetail coded(ProblemDetail problem, String code) {
        problem.setProperty("code", code);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
