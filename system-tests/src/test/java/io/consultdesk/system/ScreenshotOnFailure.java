package io.consultdesk.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.nio.file.Path;
import java.util.function.Supplier;

/** Saves what the browser shows when a page test fails, as {@code target/page-failures/<prefix><test>.png}. */
final class ScreenshotOnFailure implements TestWatcher {

    private final Supplier<HeadlessChromium> browser;
    private final String prefix;

    ScreenshotOnFailure(Supplier<HeadlessChromium> browser, String prefix) {
        this.browser = browser;
        this.prefix = prefix;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        try {
            HeadlessChromium shown = browser.get();
            if (shown != null) {
                shown.screenshot(Path.of("target", "page-failures", prefix + context.getRequiredTestMethod().getName() + ".png"));
            }
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
