package com.sovereignstamp.appliance.application;

import com.sovereignstamp.appliance.logging.RedactingHandlers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Redacts the JVM's log handlers while the appliance is deployed: installed when the application
 * starts, before anything else observes the start (the runtime logs its start through it), and
 * removed once the application's beans are gone (the runtime logs its stop through it), so that a
 * redeploy finds the handlers as they were.
 */
@ApplicationScoped
public class LogRedaction {
  private static final Logger LOG = Logger.getLogger(LogRedaction.class.getName());
  private static final AtomicReference<RedactingHandlers> INSTALLED = new AtomicReference<>();

  static void install(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object event) {
    remove(event); // once per deployment; never stacked
    RedactingHandlers handlers = RedactingHandlers.install(LogManager.getLogManager());
    INSTALLED.set(handlers);
    LOG.info(() -> "log redaction installed on " + handlers.handlerCount() + " log handlers");
  }

  static void remove(@Observes @Destroyed(ApplicationScoped.class) Object event) {
    RedactingHandlers handlers = INSTALLED.getAndSet(null);
    if (handlers != null) {
      handlers.close();
    }
  }
}
