package com.sovereignstamp.appliance.residency;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Finds the addresses a host name stands for (the egress guard's name lookup). */
@FunctionalInterface
public interface AddressResolver {
  /**
   * @throws UnknownHostException if the name does not resolve
   */
  List<InetAddress> addressesOf(String hostName) throws UnknownHostException;
}
