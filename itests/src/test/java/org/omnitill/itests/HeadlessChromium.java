package org.omnitill.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver. Both paths are given explicitly, so
 * Selenium never looks for (or downloads) a browser or a driver of its own. Screenshots go to
 * {@code target/screenshots/}, numbered in the order they were taken.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path screenshots;
    private final Path profile;
    private int shot;

    private HeadlessChromium(ChromeDriver driver, Path screenshots, Path profile) {
        this.driver = driver;
        this.screenshots = screenshots;
        this.profile = profile;
    }

    static HeadlessChromium launch() throws IOException {
        File chromium = new File(System.getProperty("omnitill.it.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("omnitill.it.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            String missing = "Debian's chromium and chromium-driver are needed for the browser tests (" + chromium + ", "
                    + chromedriver + "); .ci/run installs them: apt-get install chromium chromium-driver";
            if (Boolean.getBoolean("omnitill.it.allowSkipBrowser")) {
                System.err.println("!!! " + missing + ": the browser tests are SKIPPED");
                Assumptions.abort(missing);
            }
            throw new IllegalStateException(missing);
        }
        Path target = Path.of(System.getProperty("omnitill.it.targetDir", "target"));
        Path screenshots = Files.createDirectories(target.resolve("screenshots"));
        try (var earlier = Files.newDirectoryStream(screenshots, "*.png")) { // numbered per run: no stale ones
            for (Path png : earlier) {
                Files.delete(png);
            }
        }
        Path profile = Files.createTempDirectory(target, "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // no network beyond loopback here: background fetches (updates, sync, safe browsing) only fail and slow
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=1366,900", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), screenshots, profile);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void gone(String css) {
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element's text contains the given text, and answers the whole text. */
    String textContains(String css, String text) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a screenshot of the whole page as {@code target/screenshots/NN-name.png}. */
    Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
        // the whole page, not just the window: grow the window to the page's height for the shot
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(window.getWidth(),
                (int) Math.min(4000, Math.max(window.getHeight(), height + 120))));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(window);
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
