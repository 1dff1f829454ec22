package com.sovereignstamp.appliance.logging;

import static com.sovereignstamp.appliance.logging.LogRedactorTest.JWT;
import static com.sovereignstamp.appliance.logging.LogRedactorTest.SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ListResourceBundle;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records through a real logger and handler, the filter on the handler as the appliance puts it.
 */
class RedactingFilterTest {
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final StreamHandler handler = new StreamHandler(written, new SimpleFormatter());
  private final Logger logger = Logger.getLogger("redacting-filter-test." + UUID.randomUUID());

  @BeforeEach
  void attach() {
    handler.setLevel(Level.ALL);
    handler.setFilter(new RedactingFilter(handler.getFilter()));
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
  }

  @AfterEach
  void detach() {
    logger.removeHandler(handler);
  }

  private String written() {
    handler.flush();
    return written.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theMessage_isRedacted() {
    logger.info("refused Authorization: Bearer " + JWT);

    assertThat(written())
        .contains("refused Authorization: Bearer [redacted:token]")
        .doesNotContain(SIGNATURE);
  }

  @Test
  void parameters_areRedacted_alsoWhenTheSecretSpansMessageAndParameter() {
    logger.log(Level.WARNING, "token {0} of {1}", new Object[] {JWT, "jane@example.org"});
    logger.log(Level.WARNING, "Authorization: Bearer {0}", "opaque-2YotnFZFEjr1zCsicMWpAA");
    logger.log(Level.INFO, "{0,number,#} bytes for {1}", new Object[] {1234567, "loans"});

    assertThat(written())
        .contains("token [redacted:token] of [redacted:email]")
        .contains("Authorization: Bearer [redacted:token]")
        .contains("1234567 bytes for loans")
        .doesNotContain(SIGNATURE)
        .doesNotContain("jane@")
        .doesNotContain("2YotnFZ");
  }

  @Test
  void aLocalizedMessage_isFilledInFromItsBundleThenRedacted() {
    LogRecord r = new LogRecord(Level.INFO, "refused");
    r.setResourceBundle(
        new ListResourceBundle() {
          @Override
          protected Object[][] getContents() {
            return new Object[][] {{"refused", "refused the token {0}"}};
          }
        });
    r.setParameters(new Object[] {JWT});

    RedactingFilter.redact(r);

    assertThat(r.getMessage()).isEqualTo("refused the token [redacted:token]");
    assertThat(r.getParameters()).isNull();
    assertThat(r.getResourceBundle()).isNull();
  }

  @Test
  void exceptionMessages_areRedacted_keepingClassesCausesAndStackTraces() {
    IllegalStateException suppressed = new IllegalStateException("password=hunter2");
    IOException cause = new IOException("answer for client_secret=s3cr3t from the provider");
    RuntimeException thrown = new UncheckedIOException("token " + JWT + " refused", cause);
    thrown.addSuppressed(suppressed);

    logger.log(
        Level.SEVERE, "request failed, incident 6f1c2e7a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", thrown);

    assertThat(written())
        .contains("request failed, incident 6f1c2e7a-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
        .contains("java.io.UncheckedIOException: token [redacted:token] refused")
        .contains("Caused by: java.io.IOException: answer for client_secret=[redacted:secret] from")
        .contains("Suppressed: java.lang.IllegalStateException: password=[redacted:secret]")
        .contains("at " + RedactingFilterTest.class.getName() + ".exceptionMessages_areRedacted")
        .doesNotContain(SIGNATURE)
        .doesNotContain("s3cr3t")
        .doesNotContain("hunter2");
  }

  @Test
  void anExceptionWithNothingToRedact_isKeptAsItIs() {
    IllegalStateException thrown = new IllegalStateException("closed", new IOException("reset"));
    LogRecord r = new LogRecord(Level.WARNING, "closing the audit log failed");
    r.setThrown(thrown);

    RedactingFilter.redact(r);

    assertThat(r.getThrown()).isSameAs(thrown);
  }

  @Test
  void exceptionsThatCauseEachOther_areCopiedOnce() {
    IllegalStateException a = new IllegalStateException("a password=x");
    IllegalStateException b = new IllegalStateException("b", a);
    a.initCause(b);
    LogRecord r = new LogRecord(Level.WARNING, "loop");
    r.setThrown(b);

    RedactingFilter.redact(r);

    assertThat(r.getThrown().getCause().getMessage()).isEqualTo("a password=[redacted:secret]");
    assertThat(r.getThrown().getCause().getCause()).isSameAs(r.getThrown());
  }

  @Test
  void aRecordTheWrappedFilterRefuses_isNotLogged() {
    handler.setFilter(new RedactingFilter(r -> !r.getMessage().startsWith("noise")));

    logger.info("noise " + JWT);
    logger.info("signal");

    assertThat(written()).doesNotContain("noise").contains("signal");
  }
}
