package dev.firebell.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A responder's whole round in Debian's headless Chromium: log in, find the incident a Grafana
 * webhook opened, acknowledge it, add a note, write the root cause, read the postmortem, log out.
 * Screenshots at desktop and phone widths go to {@code target/screenshots/}.
 */
class BrowserIT {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static WebDriver driver;

  @BeforeAll
  static void startChromium() {
    boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI needs " + CHROMIUM + " and " + CHROMEDRIVER + " (.ci/run installs them)");
    }
    Assumptions.assumeTrue(
        installed, "browser tests skipped: apt-get install chromium chromium-driver to run them");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopChromium() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void aResponderHandlesAnIncidentFromLogInToPostmortem() throws IOException {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      long id =
          app.postWebhook(
                  "/webhooks/grafana",
                  Fixtures.read("captured/grafana-unified/alert_values_v11.json"))
              .json()
              .get("incidentId")
              .asLong();
      app.runPaging();

      driver.get(app.url("/"));
      assertThat(driver.getCurrentUrl()).endsWith("/login");
      driver.findElement(By.id("username")).sendKeys(TestApp.USER);
      driver.findElement(By.id("password")).sendKeys("not the password");
      navigate(By.id("login"));
      assertThat(driver.findElement(By.id("error")).getText())
          .contains("Wrong username or password");

      driver.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
      navigate(By.id("login"));
      assertThat(driver.getCurrentUrl()).isEqualTo(app.url("/"));
      assertThat(driver.findElement(By.cssSelector("table.incidents")).getText())
          .contains("Memory (copy) device (true)");
      screenshots("incident-list");

      navigate(By.cssSelector("a.incident-link"));
      assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("triggered");
      screenshots("incident");
      navigate(By.id("ack"));
      assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("acknowledged");

      driver.findElement(By.id("note-text")).sendKeys("Restarted the memory-hungry pod");
      navigate(By.id("add-note"));
      assertThat(driver.findElement(By.id("timeline")).getText())
          .contains("Restarted the memory-hungry pod");

      driver.findElement(By.id("root-cause")).sendKeys("A cache without a size limit.");
      navigate(By.id("save-fields"));
      assertThat(driver.findElement(By.id("timeline")).getText()).contains("Root cause edited by");

      navigate(By.id("postmortem-link"));
      String postmortem = driver.findElement(By.id("postmortem")).getText();
      assertThat(postmortem)
          .contains("Incident: 2024-03-01 02-09-00")
          .contains("A cache without a size limit.")
          .contains("Restarted the memory-hungry pod");
      screenshots("postmortem");

      assertThat(app.incident(id).get("acknowledgedBy").asText()).isEqualTo("tessa");
      assertThat(app.incident(id).get("rootCause").asText())
          .isEqualTo("A cache without a size limit.");

      driver.get(app.url("/"));
      driver.findElement(By.cssSelector("details.declare summary")).click();
      driver
          .findElement(By.cssSelector(".declare-form input[name=title]"))
          .sendKeys("Checkout is down for EU customers");
      new Select(driver.findElement(By.cssSelector(".declare-form select[name=target]")))
          .selectByValue("person:sam");
      screenshots("declare-form");
      navigate(By.cssSelector(".declare-form button"));
      assertThat(driver.findElement(By.id("title")).getText())
          .endsWith("Checkout is down for EU customers");
      assertThat(driver.findElement(By.id("timeline")).getText())
          .contains("Declared by Tessa via UI, paging person:sam");

      navigate(By.id("logout"));
      assertThat(driver.getCurrentUrl()).endsWith("/login");
      driver.get(app.url("/incidents/" + id));
      assertThat(driver.getCurrentUrl()).endsWith("/login");
    }
  }

  /**
   * A 2,000-character title and labels without spaces (a long hostname, a URL) wrap on every page a
   * responder opens: none is wider than a 390-px phone or a 1280-px desktop window.
   */
  @Test
  void longUnbrokenTextWrapsOnEveryPage() throws IOException {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      ObjectNode body =
          (ObjectNode) JSON.readTree(Fixtures.read("alertmanager-live/am-firing.json"));
      String unbroken = "pizza-oven-" + "x".repeat(2_000);
      ObjectNode alert = (ObjectNode) body.get("alerts").get(0);
      alert.withObject("labels").put("instance", unbroken + ".example.com:9100");
      alert.withObject("annotations").put("summary", unbroken);
      body.withObject("commonAnnotations").put("summary", unbroken);
      long id = app.open("/webhooks/alertmanager", JSON.writeValueAsString(body));
      app.runPaging();
      String ackPath = URI.create(capture.json("/tessa").get(0).get("ackUrl").asText()).getPath();

      logIn(app);
      for (int width : new int[] {390, 1280}) {
        driver.manage().window().setSize(new Dimension(width, 900));
        for (String path :
            new String[] {"/", "/incidents/" + id, "/incidents/" + id + "/postmortem"}) {
          driver.get(app.url(path));
          assertFitsTheWindow(path, width);
        }
        driver.get(app.url(ackPath));
        assertFitsTheWindow("the acknowledge link", width);
      }
      driver.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  /**
   * The incident list reads at a glance at 1280 and 390 px: no header, severity or status breaks
   * inside a word, the triggered SEV-1 is on top, and a phone shows five incidents or more.
   */
  @Test
  void theIncidentListReadsAtAGlance() throws IOException {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      for (int n = 0; n < 6; n++) {
        app.open("/webhooks/alertmanager", dev.firebell.Payloads.group("service-" + n, n));
      }
      String critical =
          Fixtures.read("alertmanager-live/am-firing.json").replace("pizza-factory", "checkout");
      app.open("/webhooks/alertmanager", critical);
      logIn(app);
      JavascriptExecutor script = (JavascriptExecutor) driver;
      String wrapped =
          "return Array.from(document.querySelectorAll("
              + "'table.incidents th, table.incidents .sev, table.incidents .status'))"
              + ".filter(e => { const r = document.createRange(); r.selectNodeContents(e);"
              + " return r.getClientRects().length > 1; }).map(e => e.textContent)";
      for (int width : new int[] {1280, 390}) {
        driver.manage().window().setSize(new Dimension(width, 844));
        driver.get(app.url("/"));
        assertThat((List<?>) script.executeScript(wrapped))
            .as("header or badge text broken across lines at %d px", width)
            .isEmpty();
        assertThat(driver.findElement(By.cssSelector("table.incidents tbody tr")).getText())
            .as("the triggered SEV-1 first")
            .contains("checkout")
            .contains("SEV-1");
        assertFitsTheWindow("/", width);
      }
      long visible =
          ((Number)
                  script.executeScript(
                      "return Array.from(document.querySelectorAll('table.incidents tbody tr'))"
                          + ".filter(r => r.getBoundingClientRect().bottom <= window.innerHeight)"
                          + ".length"))
              .longValue();
      screenshots("incident-list-phone");
      assertThat(visible).as("incidents on one phone screen").isGreaterThanOrEqualTo(5);
      driver.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  /** On a 390-px phone: add an override to the rota, see it on the calendar, remove it. */
  /**
   * The incident page says who was paged and what comes next; the page's link acknowledges, then
   * leads on to Resolve and to the incident, and a used link says what happened.
   */
  @Test
  void theIncidentPageShowsThePagingAndTheLinkPageLeadsOn() throws IOException {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      long id =
          app.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
      app.runPaging();
      String ackPath = URI.create(capture.json("/tessa").get(0).get("ackUrl").asText()).getPath();
      logIn(app);

      driver.get(app.url("/incidents/" + id));
      String escalation = driver.findElement(By.id("escalation")).getText();
      assertThat(escalation)
          .contains("step 1 of 2")
          .contains("Tessa webhook (webhook) 2026-11-28 16:10 UTC delivered");
      assertThat(driver.findElement(By.id("next-step")).getText()).contains("Sam");
      assertThat(driver.findElements(By.id("nobody-paged"))).isEmpty();
      screenshots("escalation");

      driver.get(app.url(ackPath));
      navigate(By.cssSelector("form button[type=submit]"));
      assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("acknowledged");
      navigate(By.id("resolve"));
      assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("resolved");

      driver.get(app.url(ackPath));
      assertThat(driver.findElement(By.id("state")).getText()).contains("Tessa");
      assertThat(driver.findElements(By.id("resolve"))).isEmpty();
      navigate(By.id("incident-link"));
      assertThat(driver.getCurrentUrl()).isEqualTo(app.url("/incidents/" + id));
      assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("resolved");
      assertThat(app.incident(id).get("acknowledgedBy").asText()).isEqualTo("tessa");
    }
    try (TestApp unrouted = TestApp.start()) {
      long id =
          unrouted.open(
              "/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
      unrouted.runPaging();
      logIn(unrouted);
      driver.get(unrouted.url("/incidents/" + id));
      WebElement banner = driver.findElement(By.id("nobody-paged"));
      assertThat(banner.isDisplayed()).isTrue();
      assertThat(banner.getText()).startsWith("No route matched this incident's labels");
      screenshots("nobody-paged");
    }
  }

  @Test
  void aResponderAddsAndRemovesAnOverrideOnTheirPhone() throws IOException {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      logIn(app);
      driver.manage().window().setSize(new Dimension(390, 900));
      try {
        driver.get(app.url("/oncall"));
        assertThat(driver.findElement(By.id("schedule-primary")).getText()).doesNotContain("Sam");
        driver
            .findElement(By.cssSelector("#schedule-primary details.add-override summary"))
            .click();
        WebElement form = driver.findElement(By.cssSelector("#schedule-primary form.add-override"));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("person")))
            .selectByVisibleText("Sam");
        JavascriptExecutor script = (JavascriptExecutor) driver;
        // The test clock is 28 Nov 2026 09:10 in Denver; Sam covers the evening.
        script.executeScript(
            "arguments[0].value = '2026-11-28T18:00'; arguments[1].value = '2026-11-28T23:00';",
            form.findElement(By.name("from")),
            form.findElement(By.name("to")));
        form.findElement(By.name("reason")).sendKeys("Tessa's child is sick");
        // Ends before it starts: refused beside the form, with everything typed still there.
        script.executeScript(
            "arguments[0].value = '2026-11-28T17:00';", form.findElement(By.name("to")));
        navigate(By.cssSelector("#schedule-primary form.add-override button[type=submit]"));
        form = driver.findElement(By.cssSelector("#schedule-primary form.add-override"));
        assertThat(form.findElement(By.id("form-error")).isDisplayed()).isTrue();
        assertThat(form.findElement(By.id("form-error")).getText())
            .isEqualTo("The override was not added: to must be after from.");
        assertThat(form.findElement(By.name("reason")).getAttribute("value"))
            .isEqualTo("Tessa's child is sick");
        assertThat(
                new org.openqa.selenium.support.ui.Select(form.findElement(By.name("person")))
                    .getFirstSelectedOption()
                    .getText())
            .isEqualTo("Sam");
        assertThat(form.findElement(By.name("from")).getAttribute("value"))
            .isEqualTo("2026-11-28T18:00");
        screenshots("override-refused");
        script.executeScript(
            "arguments[0].value = '2026-11-28T23:00';", form.findElement(By.name("to")));
        assertFitsTheWindow("/oncall with the override form open", 390);
        navigate(By.cssSelector("#schedule-primary form.add-override button[type=submit]"));
        assertThat(driver.findElement(By.id("flash")).getText()).contains("Override added");

        String rota = driver.findElement(By.cssSelector("#schedule-primary .rota")).getText();
        assertThat(rota).contains("18:00–23:00 Sam").contains("Tessa's child is sick");
        assertThat(app.getApi("/api/schedules/primary/overrides").json().get("overrides"))
            .hasSize(1);
        assertThat(
                app.getApi("/api/oncall?at=2026-11-29T02:00:00Z")
                    .json()
                    .get("schedules")
                    .get(0)
                    .get("onCall")
                    .findValuesAsText("id"))
            .containsExactly("sam");
        assertFitsTheWindow("/oncall", 390);
        screenshots("oncall");

        navigate(By.cssSelector("#schedule-primary button.remove-override"));
        assertThat(driver.findElement(By.cssSelector("#schedule-primary .rota")).getText())
            .doesNotContain("Sam");
        assertThat(app.getApi("/api/schedules/primary/overrides").json().get("overrides"))
            .isEmpty();
      } finally {
        driver.manage().window().setSize(new Dimension(1280, 900));
      }
    }
  }

  private static void logIn(TestApp app) {
    driver.get(app.url("/login"));
    driver.findElement(By.id("username")).sendKeys(TestApp.USER);
    driver.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
    navigate(By.id("login"));
  }

  private static void assertFitsTheWindow(String page, int width) {
    JavascriptExecutor script = (JavascriptExecutor) driver;
    long contentWidth =
        ((Number) script.executeScript("return document.documentElement.scrollWidth")).longValue();
    long windowWidth =
        ((Number) script.executeScript("return document.documentElement.clientWidth")).longValue();
    assertThat(contentWidth)
        .as("width of %s at %d px", page, width)
        .isLessThanOrEqualTo(windowWidth);
  }

  /** Clicks something that loads a new page and waits until the new page is there. */
  private static void navigate(By target) {
    WebElement page = driver.findElement(By.tagName("html"));
    clickWhenReady(target);
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(page));
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * Whether the old page's element is gone. ChromeDriver sometimes reports a node of a replaced
   * document as an inspector error rather than as a stale element; both mean the page changed.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.WebDriverException replaced) {
      return true;
    }
  }

  /** Clicks, looking the element up again if the page was still settling (after a resize). */
  private static void clickWhenReady(By target) {
    for (int attempt = 1; ; attempt++) {
      try {
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.elementToBeClickable(target))
            .click();
        return;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** The page as it is now, at desktop width and at a 375-px phone width. */
  private static void screenshots(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    for (int width : new int[] {1280, 375}) {
      driver.manage().window().setSize(new Dimension(width, 900));
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), png);
    }
    driver.manage().window().setSize(new Dimension(1280, 900));
  }
}
