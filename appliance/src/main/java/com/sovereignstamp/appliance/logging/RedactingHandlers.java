package com.sovereignstamp.appliance.logging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * {@link RedactingFilter} on every handler of a JVM's {@link LogManager} — the root logger's, which
 * every logger of the JVM reaches (Payara's, Jersey's, EclipseLink's, the appliance's), and any a
 * named logger has of its own — each wrapping the filter the handler had. {@link #close()} puts the
 * filters back as they were, so that an undeploy leaves no filter of this class loader behind and a
 * redeploy does not stack filters. Handlers added later are not covered.
 */
public final class RedactingHandlers implements AutoCloseable {
  private final List<Installed> installed;

  private record Installed(Handler handler, RedactingFilter filter, Filter before) {}

  private RedactingHandlers(List<Installed> installed) {
    this.installed = installed;
  }

  /** Installs the filter on every handler that does not have one of this class already. */
  public static RedactingHandlers install(LogManager logs) {
    List<Installed> installed = new ArrayList<>();
    for (Handler h : handlers(logs)) {
      Filter before = h.getFilter();
      if (!(before instanceof RedactingFilter)) {
        RedactingFilter filter = new RedactingFilter(before);
        h.setFilter(filter);
        installed.add(new Installed(h, filter, before));
      }
    }
    return new RedactingHandlers(List.copyOf(installed));
  }

  /** How many handlers this installation put the filter on. */
  public int handlerCount() {
    return installed.size();
  }

  /** Restores each handler's filter, unless something replaced the redacting filter since. */
  @Override
  public void close() {
    for (Installed i : installed) {
      if (i.handler().getFilter() == i.filter()) {
        i.handler().setFilter(i.before());
      }
    }
  }

  private static Set<Handler> handlers(LogManager logs) {
    Set<Handler> all = Collections.newSetFromMap(new IdentityHashMap<>());
    Collections.addAll(all, logs.getLogger("").getHandlers());
    Enumeration<String> names = logs.getLoggerNames();
    while (names.hasMoreElements()) {
      Logger logger = logs.getLogger(names.nextElement());
      if (logger != null) {
        Collections.addAll(all, logger.getHandlers());
      }
    }
    return all;
  }
}
