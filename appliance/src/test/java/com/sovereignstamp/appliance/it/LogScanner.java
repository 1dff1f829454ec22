package com.sovereignstamp.appliance.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Searches log files line by line for planted markers. */
final class LogScanner {
  /** A marker found: where, and which. */
  record Finding(Path file, int line, PlantedMarker marker) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + marker.masked();
    }
  }

  private LogScanner() {}

  static List<Finding> scan(Collection<PlantedMarker> markers, Collection<Path> logs)
      throws IOException {
    Map<PlantedMarker, List<String>> needles = new LinkedHashMap<>();
    markers.forEach(m -> needles.put(m, m.needles()));
    List<Finding> found = new ArrayList<>();
    for (Path log : logs) {
      // ISO-8859-1 reads any bytes; the markers are ASCII, so they match whatever the encoding
      try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          number++;
          for (Map.Entry<PlantedMarker, List<String>> m : needles.entrySet()) {
            if (containsAny(line, m.getValue())) {
              found.add(new Finding(log, number, m.getKey()));
            }
          }
        }
      }
    }
    return found;
  }

  private static boolean containsAny(String line, List<String> needles) {
    for (String n : needles) {
      if (line.contains(n)) {
        return true;
      }
    }
    return false;
  }
}
