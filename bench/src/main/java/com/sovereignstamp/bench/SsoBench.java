package com.sovereignstamp.bench;

import com.sovereignstamp.xks.client.PemTls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Token issuance of the stamp's identity provider (a fresh instance made by sso/bin/init-instance):
 * access tokens per second by the password grant (the demo administrator on the command-line
 * client) and by the client-credentials grant (the backup agent), each against a baseline measured
 * in the same run on the same server and connections — the realm's key set (GET …/certs: no
 * database, no signature). Closed loop, keep-alive connections, at each concurrency after a
 * warm-up. Usage: {@code SsoBench --sso-instance DIR [--threads 1,4] [--duration 20s] [--warmup
 * 20s] [--note TEXT]... [--out FILE]}.
 */
public final class SsoBench {
  private SsoBench() {}

  record Rate(
      String operation,
      int threads,
      long ok,
      long failed,
      double perSecond,
      LatencySummary latency,
      String firstFailure) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: SsoBench --sso-instance DIR [--threads 1,4]"
                + " [--duration 20s] [--warmup 20s] [--note TEXT]... [--out FILE]");
      }
      if (args[i].equals("--note")) {
        notes.add(args[i + 1]);
      } else {
        flags.put(args[i].substring(2), args[i + 1]);
      }
    }
    Path instance = Path.of(required(flags, "sso-instance"));
    List<Integer> threads = BenchOptions.ints(flags.getOrDefault("threads", "1,4"));
    Duration duration = seconds(flags.getOrDefault("duration", "20s"));
    Duration warmup = seconds(flags.getOrDefault("warmup", "20s"));
    Properties env = new Properties();
    env.putAll(BridgeInstance.env(instance)); // any init-instance's instance.env
    String url = env.getProperty("KEYCLOAK_URL") + "/realms/" + env.getProperty("KEYCLOAK_REALM");
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(PemTls.trustOnly(Path.of(env.getProperty("KEYCLOAK_CA_CERT"))))
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI certs = URI.create(url + "/protocol/openid-connect/certs");
    URI tokens = URI.create(url + "/protocol/openid-connect/token");
    String password =
        form(
            Map.of(
                "grant_type", "password",
                "client_id", env.getProperty("STAMP_CLI_CLIENT_ID"),
                "username", env.getProperty("STAMP_DEMO_ADMIN"),
                "password", env.getProperty("STAMP_DEMO_ADMIN_PASSWORD")));
    String clientCredentials =
        form(
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                env.getProperty("STAMP_BACKUP_AGENT_CLIENT_ID"),
                "client_secret",
                Files.readString(Path.of(env.getProperty("STAMP_BACKUP_AGENT_SECRET_FILE")))
                    .trim()));
    Map<String, HttpRequest> operations = new LinkedHashMap<>();
    operations.put("key set (baseline)", HttpRequest.newBuilder(certs).GET().build());
    operations.put("password grant", post(tokens, password));
    operations.put("client-credentials grant", post(tokens, clientCredentials));

    for (HttpRequest r : operations.values()) {
      run(http, r, threads.get(threads.size() - 1), warmup); // warm-up, not reported
    }
    List<Rate> rates = new ArrayList<>();
    for (int n : threads) {
      for (Map.Entry<String, HttpRequest> op : operations.entrySet()) {
        rates.add(run(http, op.getValue(), n, duration).named(op.getKey()));
      }
    }
    String report = report(rates, duration, warmup, notes);
    System.out.print(report);
    if (flags.containsKey("out")) {
      Files.writeString(Path.of(flags.get("out")), report);
    }
  }

  private static Measured run(HttpClient http, HttpRequest request, int threads, Duration duration)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    List<LatencyRecorder> recorders = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      LatencyRecorder recorder = new LatencyRecorder();
      recorders.add(recorder);
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  long start = System.nanoTime();
                  try {
                    HttpResponse<byte[]> r =
                        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() == 200) {
                      ok.incrementAndGet();
                      recorder.add(System.nanoTime() - start);
                    } else {
                      failed.incrementAndGet();
                      String body = new String(r.body(), StandardCharsets.UTF_8);
                      firstFailure.compareAndSet(
                          null,
                          "HTTP "
                              + r.statusCode()
                              + " "
                              + body.substring(0, Math.min(body.length(), 160))
                                  .replaceAll("[\\r\\n|]", " "));
                    }
                  } catch (IOException e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "sso-bench-" + i);
      workers.add(t);
    }
    long start = System.nanoTime();
    workers.forEach(Thread::start);
    Thread.sleep(duration.toMillis());
    stop.set(true);
    for (Thread t : workers) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Measured(
        threads,
        ok.get(),
        failed.get(),
        ok.get() / seconds,
        LatencySummary.of(LatencyRecorder.merge(recorders), Duration.ofSeconds(1).toNanos()),
        firstFailure.get());
  }

  record Measured(
      int threads,
      long ok,
      long failed,
      double perSecond,
      LatencySummary latency,
      String firstFailure) {
    Rate named(String operation) {
      return new Rate(operation, threads, ok, failed, perSecond, latency, firstFailure);
    }
  }

  static String report(List<Rate> rates, Duration duration, Duration warmup, List<String> notes) {
    StringBuilder out = new StringBuilder("# Token issuance of the stamp's identity provider\n\n");
    for (String note : notes) {
      out.append("- ").append(note).append('\n');
    }
    out.append("- Closed loop, keep-alive HTTPS connections; ")
        .append(warmup.toSeconds())
        .append(" s warm-up per operation, then ")
        .append(duration.toSeconds())
        .append(
            " s per operation and concurrency. Ratio: the operation's rate over the baseline's"
                + " (the realm's key set, GET …/certs, on the same server and connections) at the same"
                + " concurrency, measured in this run.\n\n");
    out.append(
        "| operation | threads | per second | ratio to baseline | p50 ms | p99 ms | failed |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Rate r : rates) {
      double baseline =
          rates.stream()
              .filter(b -> b.threads() == r.threads() && b.operation().endsWith("(baseline)"))
              .mapToDouble(Rate::perSecond)
              .findFirst()
              .orElse(Double.NaN);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.3f× | %.2f | %.2f | %d |%n",
              r.operation(),
              r.threads(),
              r.perSecond(),
              r.perSecond() / baseline,
              r.latency().p50() / 1e6,
              r.latency().p99() / 1e6,
              r.failed()));
    }
    for (Rate r : rates) {
      if (r.firstFailure() != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "%n%s at %d threads, first failure: %s%n",
                r.operation(),
                r.threads(),
                r.firstFailure()));
      }
    }
    return out.toString();
  }

  private static HttpRequest post(URI uri, String form) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static String form(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Duration seconds(String text) {
    if (!text.matches("[1-9][0-9]*s")) {
      throw new IllegalArgumentException("a duration is given in seconds, like 20s: " + text);
    }
    return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
  }

  private static String required(Map<String, String> flags, String name) {
    String v = flags.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }
}
