package com.sovereignstamp.appliance.archfixture;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks a name up itself (a DNS query leaves the stamp): the rule must catch it. */
public final class NameLookup {
  private NameLookup() {}

  static InetAddress lookUp(String name) throws UnknownHostException {
    return InetAddress.getByName(name);
  }
}
