package com.sovereignstamp.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Signs officers' approvals with the bridge's own officer tool ({@code
 * hsm-bridge/bin/officer-tool}, i.e. {@code OfficerTool.run}), loaded in this JVM from the bridge's
 * build output in a class loader of its own: the bench does not depend on the bridge's WAR module,
 * and a separate JVM per approval (several seconds each, mostly the FIPS provider's start-up) would
 * dominate the run.
 */
final class OfficerApprovals {
  private static final String TOOL = "com.sovereignstamp.bridge.officer.OfficerTool";

  private final Method run;

  /**
   * @param classpath entries separated by {@code :}; one ending in {@code /*} stands for every jar
   *     of that directory
   */
  OfficerApprovals(String classpath) throws IOException, ReflectiveOperationException {
    // The tool's script runs it so; here it only affects the FIPS provider the tool loads.
    System.setProperty("org.bouncycastle.fips.approved_only", "true");
    URLClassLoader loader =
        new URLClassLoader(
            urls(classpath).toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    this.run =
        Class.forName(TOOL, true, loader)
            .getMethod("run", String[].class, PrintStream.class, PrintStream.class, Clock.class);
  }

  /** The signed approval of reinstating the key, as the JSON the tool prints. */
  String reinstate(String bridge, String officer, Path privateKey, String keyStore, String keyId)
      throws ReflectiveOperationException {
    String[] args = {
      "approve",
      "--bridge",
      bridge,
      "--officer",
      officer,
      "--private-key",
      privateKey.toString(),
      "--action",
      "reinstate",
      "--key-store",
      keyStore,
      "--key-id",
      keyId,
      "--lifetime",
      "PT10M"
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = (int) run.invoke(null, args, o, e, Clock.systemUTC());
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("officer tool failed", e.getCause());
    }
    if (status != 0) {
      throw new IllegalStateException(
          "officer tool exit status " + status + ": " + err.toString(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  static List<URL> urls(String classpath) throws IOException {
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(":")) {
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.endsWith("/*")) {
        Path dir = Path.of(entry.substring(0, entry.length() - 2));
        try (Stream<Path> jars = Files.list(dir)) {
          for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
            urls.add(url(jar));
          }
        }
      } else {
        urls.add(url(Path.of(entry)));
      }
    }
    return urls;
  }

  private static URL url(Path p) throws MalformedURLException {
    return p.toAbsolutePath().toUri().toURL();
  }
}
