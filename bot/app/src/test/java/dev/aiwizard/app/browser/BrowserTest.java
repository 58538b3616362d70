package dev.aiwizard.app.browser;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A browser test on a machine without the browser fails and says what to install; it is never skipped. */
class BrowserTest {
    @Test
    void aMissingBrowserFailsSayingHowToInstallIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Browser.onPath("chromium-that-is-not-installed"));

        assertTrue(e.getMessage().contains("'chromium-that-is-not-installed' is not on the PATH"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install chromium chromium-driver"), e.getMessage());
    }
}
