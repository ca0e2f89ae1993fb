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
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every refusal as application/problem+json: 400 naming each bad field, 403 for rights, 404 for unknown
 * ids, 409 with the current state for commands that do not fit it, 503 when the store is away. No stack
 * trace or internal detail ever leaves.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid fields: "
                + errors.stream().map(m -> m.get("field")).distinct().collect(Collectors.joining(", ")));
        problem.setProperty("errors", errors);
        return problem;
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
        return problem(HttpStatus.BAD_REQUEST, "the request body is not valid JSON");
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    public ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than the 50 MB allowed");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type not supported; supported: " + e.getSupportedMediaTypes());
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
            refusal.facts().forEach(problem::setProperty);
            return problem;
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return problem(HttpStatus.NOT_FOUND, "no item with id '" + notFound.getAggregateIdentifier() + "'");
        }
        if (e instanceof ConflictingAggregateVersionException conflict) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, "the item changed since version " + conflict.getExpectedVersion()
                    + "; it is now at version " + conflict.getActualVersion() + ": reload it and decide again");
            problem.setProperty("currentVersion", conflict.getActualVersion());
            return problem;
        }
        if (e instanceof ConcurrencyException) {
            return problem(HttpStatus.CONFLICT, "someone else changed this item at the same moment; reload it and try again");
        }
        if (DuplicateEvent.isCauseOf(e)) {
            return problem(HttpStatus.CONFLICT, "someone else recorded this first (the id exists already, or the item changed at the same moment); reload it and try again");
        }
        if (e instanceof MongoException) {
            log.warn("event store unavailable: {}", e.getMessage());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "the event store is not reachable right now; nothing was recorded, try again shortly");
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
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged");
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
