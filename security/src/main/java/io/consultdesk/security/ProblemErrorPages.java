package io.consultdesk.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.io.Writer;

/**
 * Errors that never reach a controller answered as problem+json in both services, like every other error:
 * what Tomcat refuses before any servlet sees it (a URL that is not valid UTF-8 or holds a NUL, a request
 * line or headers too long), and what reaches the container's error path (a URL the firewall refuses, a
 * failure in a filter). Without internals.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
public class ProblemErrorPages {

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Bean
    public ErrorPath errorPath() {
        return new ErrorPath();
    }

    /** The container's error report as problem+json. */
    public static class ProblemReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String detail = status == 400 ? "the request is malformed (its URL or headers hold characters, encodings or lengths that are refused)"
                    : status < 500 ? "the request was refused" : "an unexpected error occurred";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase())
                            + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response committed: nothing more can be said
            }
        }
    }

    /**
     * The servlet container's error path. A handler by its class-level mapping, registered only by the bean
     * above — not a stereotype, so a component scan of this package cannot register it a second time.
     */
    @RequestMapping
    public static class ErrorPath implements ErrorController {

        @RequestMapping("${server.error.path:/error}")
        public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer i ? i : 500);
            String detail = status.value() == 400 ? "the request is malformed (its URL holds characters or encodings that are refused)"
                    : status.value() == 404 ? "no such path"
                    : status.is4xxClientError() ? "the request was refused"
                    : "an unexpected error occurred; it has been logged";
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(status, detail));
        }
    }
}
