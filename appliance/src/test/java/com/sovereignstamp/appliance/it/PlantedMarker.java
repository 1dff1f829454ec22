package com.sovereignstamp.appliance.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Something the tests sent to the appliance that must never appear in a log, one line of {@value
 * ItLogs#MARKERS} ({@code kind<TAB>value}).
 */
record PlantedMarker(Kind kind, String value) {
  /** Shorter needles could match by chance; a value that short is not searched for. */
  static final int MIN_NEEDLE = 12;

  enum Kind {
    /** Document content. */
    CONTENT,
    /** Personal data: a document's name, labels or data subject; a user's name or address. */
    PERSONAL,
    /** A bearer token (valid or forged); its claims and signature are searched for. */
    TOKEN,
    /** A password, client secret or other credential. */
    SECRET
  }

  PlantedMarker {
    if (value.indexOf('\n') >= 0 || value.indexOf('\t') >= 0) {
      throw new IllegalArgumentException("a marker is one line without tabs");
    }
  }

  static PlantedMarker parse(String line) {
    int tab = line.indexOf('\t');
    return new PlantedMarker(Kind.valueOf(line.substring(0, tab)), line.substring(tab + 1));
  }

  String line() {
    return kind + "\t" + value;
  }

  /**
   * What a log must not contain: the value, or for a JWT each part after its header (the header
   * names only the algorithm and key id, and is the same for every token of a key).
   */
  List<String> needles() {
    List<String> needles = new ArrayList<>();
    if (kind == Kind.TOKEN && value.startsWith("eyJ") && value.indexOf('.') > 0) {
      String[] parts = value.split("\\.");
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].length() >= MIN_NEEDLE) {
          needles.add(parts[i]);
        }
      }
    } else if (value.length() >= MIN_NEEDLE) {
      needles.add(value);
    }
    return needles;
  }

  /** The marker as a report may show it: enough to find it in the markers file, no more. */
  String masked() {
    return kind.name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + (value.length() <= 12 ? value : value.substring(0, 12) + "…");
  }
}
