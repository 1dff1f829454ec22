package com.sovereignstamp.appliance.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.UUID;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On this JVM's own log manager: the root logger's handlers and a named logger's own handler. */
class RedactingHandlersTest {
  private final LogManager logs = LogManager.getLogManager();
  private final Logger root = logs.getLogger("");
  private final Logger named = Logger.getLogger("redacting-handlers-test." + UUID.randomUUID());
  private final Filter existing = r -> true;
  private final Handler own = new StreamHandler(new ByteArrayOutputStream(), new SimpleFormatter());
  private final Handler rootHandler =
      new StreamHandler(new ByteArrayOutputStream(), new SimpleFormatter());

  @BeforeEach
  void handlers() {
    own.setFilter(existing);
    named.addHandler(own);
    root.addHandler(rootHandler);
  }

  @AfterEach
  void removeHandlers() {
    named.removeHandler(own);
    root.removeHandler(rootHandler);
  }

  @Test
  void everyHandler_getsTheFilter_wrappingTheOneItHad() {
    try (RedactingHandlers installed = RedactingHandlers.install(logs)) {
      assertThat(installed.handlerCount()).isGreaterThanOrEqualTo(2);
      for (Handler h : root.getHandlers()) {
        assertThat(h.getFilter()).isInstanceOf(RedactingFilter.class);
      }
      assertThat(own.getFilter())
          .isInstanceOfSatisfying(
              RedactingFilter.class, f -> assertThat(f.wrapped()).containsSame(existing));
      assertThat(((RedactingFilter) rootHandler.getFilter()).wrapped()).isEmpty();
    }
  }

  @Test
  void closing_restoresTheFiltersAsTheyWere() {
    RedactingHandlers.install(logs).close();

    assertThat(own.getFilter()).isSameAs(existing);
    assertThat(rootHandler.getFilter()).isNull();
  }

  @Test
  void installingTwice_doesNotStackFilters() {
    try (RedactingHandlers first = RedactingHandlers.install(logs);
        RedactingHandlers second = RedactingHandlers.install(logs)) {
      assertThat(second.handlerCount()).isZero();
      assertThat(((RedactingFilter) own.getFilter()).wrapped()).containsSame(existing);
    }
    assertThat(own.getFilter()).isSameAs(existing);
  }

  @Test
  void aFilterSomeoneSetSince_isLeftInPlace() {
    Filter later = r -> false;
    try (RedactingHandlers installed = RedactingHandlers.install(logs)) {
      own.setFilter(later);
    }
    assertThat(own.getFilter()).isSameAs(later);
  }
}
