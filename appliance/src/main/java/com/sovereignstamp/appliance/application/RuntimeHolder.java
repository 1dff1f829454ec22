package com.sovereignstamp.appliance.application;

import com.sovereignstamp.appliance.config.ApplianceSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the runtime when the application starts (a wrong setting fails the deployment) and stops
 * it at shutdown — also on SIGTERM, which Payara Micro does not turn into {@code @PreDestroy}.
 */
@ApplicationScoped
public class RuntimeHolder {
  private volatile ApplianceRuntime runtime;
  private volatile Thread shutdownHook;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    runtime();
  }

  /** The runtime, started on first use (no lock once it runs: this is on every request's path). */
  @Produces
  public ApplianceRuntime runtime() {
    ApplianceRuntime started = runtime;
    return started != null ? started : start();
  }

  private synchronized ApplianceRuntime start() {
    if (runtime == null) {
      ApplianceRuntime r =
          ApplianceRuntime.start(ApplianceSettings.from(ConfigProvider.getConfig()));
      Thread hook = new Thread(r::close, "appliance-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      shutdownHook = hook;
      runtime = r;
    }
    return runtime;
  }

  @PreDestroy
  synchronized void stop() {
    if (runtime != null) {
      runtime.close();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      runtime = null;
    }
  }
}
