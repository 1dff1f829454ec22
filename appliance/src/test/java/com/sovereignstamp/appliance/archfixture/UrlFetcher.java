package com.sovereignstamp.appliance.archfixture;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;

/** Fetches a URL with the JDK's URL connection: the rule must catch it. */
public final class UrlFetcher {
  private UrlFetcher() {}

  static URLConnection fetch(URL url) throws IOException {
    return url.openConnection();
  }
}
