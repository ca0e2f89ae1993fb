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
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

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

    /** What both services' shared refusals say, in Chinese. */
    @Bean
    public ProblemPhrases sharedProblemPhrases() {
        return SHARED;
    }

    @Bean
    public LocalizedProblems localizedProblems(List<ProblemPhrases> catalogues) {
        return new LocalizedProblems(catalogues);
    }

    static final String MALFORMED_HEADERS = "the request is malformed (its URL or headers hold characters, encodings or lengths that are refused)";
    static final String MALFORMED_URL = "the request is malformed (its URL holds characters or encodings that are refused)";
    static final String REFUSED = "the request was refused";
    static final String UNEXPECTED = "an unexpected error occurred";
    static final String UNEXPECTED_LOGGED = "an unexpected error occurred; it has been logged";

    static final ProblemPhrases SHARED = ProblemPhrases.of(
            Pattern.quote(MALFORMED_HEADERS), "请求格式有误（其网址或请求头含有被拒绝的字符、编码或长度）",
            Pattern.quote(MALFORMED_URL), "请求格式有误（其网址含有被拒绝的字符或编码）",
            Pattern.quote(REFUSED), "请求被拒绝",
            Pattern.quote(UNEXPECTED), "发生了意外错误",
            Pattern.quote(UNEXPECTED_LOGGED), "发生了意外错误，已记录在日志中",
            "no such path", "没有这个路径",
            "no such path: (.*)", "没有这个路径：$1",
            Pattern.quote(ProblemAuthenticationEntryPoint.SIGN_IN), "请先登录（本地默认环境用 HTTP Basic，其他环境用 bearer token）",
            Pattern.quote(ProblemAuthenticationEntryPoint.SIGN_IN_BEARER), "请先登录：请发送所配置签发方的 bearer token",
            "the bearer token was not accepted: (.*)", "bearer token 未被接受：$1",
            "your role does not allow (\\S+) (.*)", "你的角色不允许 $1 $2",
            // what both services' handlers say of a request's parameters, body and media types
            "is not a parameter of this request", "不是此请求的参数",
            "'(.*)' is not a valid value", "“$1”不是有效的值",
            "'(.*)' is not a valid (\\w+)", "“$1”不是有效的值（应为 $2）",
            "is required", "必须提供",
            "content type (.*) is not supported here; send (.*)", "此处不支持内容类型 $1，请发送 $2",
            "content type (.*) is not supported here", "此处不支持内容类型 $1",
            "the Accept header asks for nothing this answers with", "Accept 请求头所要的格式，此处都不提供",
            "(\\S+) is not supported here; use (.*)", "此处不支持 $1，请用 $2",
            // Bean Validation's own messages
            "must not be blank", "不能为空",
            "must not be null", "必须提供",
            "size must be between (\\d+) and (\\d+)", "长度或个数须在 $1 到 $2 之间",
            "must be greater than or equal to (-?\\d+)", "须不小于 $1",
            "must be less than or equal to (-?\\d+)", "须不大于 $1",
            "must match \"(.*)\"", "须符合格式 $1");

    /** The container's error report as problem+json. */
    public static class ProblemReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String english = status == 400 ? MALFORMED_HEADERS : status < 500 ? REFUSED : UNEXPECTED;
            String detail = ProblemLanguage.english(request.getHeader("Accept-Language")) ? english
                    : ProblemPhrases.chinese(english, List.of(SHARED));
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(ProblemResponse.json(status, detail));
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
            String detail = status.value() == 400 ? MALFORMED_URL
                    : status.value() == 404 ? "no such path"
                    : status.is4xxClientError() ? REFUSED
                    : UNEXPECTED_LOGGED;
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(status, detail));
        }
    }
}
