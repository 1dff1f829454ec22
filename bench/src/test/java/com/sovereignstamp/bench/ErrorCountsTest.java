package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorCountsTest {
  private static HttpResponse answer(int status, String body) {
    return new HttpResponse(status, body.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void wrongAnswers_areCountedByStatus_andTheXksErrorNameOrProblemType() {
    ErrorCounts e = new ErrorCounts();
    e.addAnswer(answer(429, "{\"errorName\":\"ThrottlingException\"}"));
    e.addAnswer(
        answer(
            503,
            "{\"type\":\"https://sovereign-stamp.example/problems/storage-unavailable\","
                + "\"status\":503}"));
    e.addAnswer(
        answer(503, "{\"type\":\"https://sovereign-stamp.example/problems/storage-unavailable\"}"));
    e.addAnswer(answer(500, "<html>"));

    assertThat(e.describe())
        .isEqualTo(
            "HTTP 429 ThrottlingException × 1; HTTP 500 × 1; HTTP 503 storage-unavailable × 2");
    assertThat(e.total()).isEqualTo(4);
  }
}
