package com.sovereignstamp.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The closed-loop workloads of the appliance comparison: PUT and GET of one small document body,
 * each request on the next id of a fixed set (so that concurrent connections work on different
 * documents and the tables stay the same size), the same ids and bytes on both sides.
 */
final class DocumentWorkloads {
  static final String CONTENT_TYPE = "application/octet-stream";

  private DocumentWorkloads() {}

  /** {@code prefix-0 … prefix-(count-1)}. */
  static List<String> ids(String prefix, int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  /** Replaces the documents in turn; 200 (replaced) or 201 (created) is right. */
  static Workload put(DocumentEndpoint side, Target target, List<String> ids, byte[] body) {
    byte[][] requests = ids.stream().map(id -> side.put(target, id, body)).toArray(byte[][]::new);
    return new Rotating(side.name() + " PUT", ByteSize.describe(body.length), requests) {
      @Override
      public boolean isExpected(HttpResponse response) {
        return response.status() == 200 || response.status() == 201;
      }
    };
  }

  /** Reads the documents in turn; right is 200 with exactly {@code body}. */
  static Workload get(DocumentEndpoint side, Target target, List<String> ids, byte[] body) {
    byte[][] requests = ids.stream().map(id -> side.get(target, id)).toArray(byte[][]::new);
    return new Rotating(side.name() + " GET", ByteSize.describe(body.length), requests) {
      @Override
      public boolean isExpected(HttpResponse response) {
        return response.status() == 200 && Arrays.equals(response.body(), body);
      }
    };
  }

  /** Hands out prebuilt requests round-robin; shared by all connection threads. */
  abstract static class Rotating implements Workload {
    private final String scenario;
    private final String payload;
    private final byte[][] requests;
    private final AtomicLong next = new AtomicLong();

    Rotating(String scenario, String payload, byte[][] requests) {
      if (requests.length == 0) {
        throw new IllegalArgumentException("no requests");
      }
      this.scenario = scenario;
      this.payload = payload;
      this.requests = requests;
    }

    @Override
    public String scenario() {
      return scenario;
    }

    @Override
    public String payload() {
      return payload;
    }

    @Override
    public byte[] nextRequest() {
      return requests[(int) Math.floorMod(next.getAndIncrement(), (long) requests.length)];
    }
  }
}
