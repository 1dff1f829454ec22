package com.sovereignstamp.appliance.residency;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation; a single address is a block of one ({@code
 * /32}, {@code /128}).
 *
 * @param network the block's first address (no bits set after the prefix)
 * @param prefixLength 1-32 (IPv4) or 1-128 (IPv6): a block of every address is not an allowlist
 */
public record AddressRange(InetAddress network, int prefixLength) implements EgressHost {
  public AddressRange {
    int bits = network.getAddress().length * 8;
    if (prefixLength < 1 || prefixLength > bits) {
      throw new IllegalArgumentException("the prefix length must be 1-" + bits);
    }
    if (!Arrays.equals(masked(network.getAddress(), prefixLength), network.getAddress())) {
      throw new IllegalArgumentException("the network address has bits set after the prefix");
    }
  }

  /**
   * Reads {@code address} or {@code address/prefix}.
   *
   * @throws IllegalArgumentException naming what is wrong, with the block meant where it can tell
   */
  public static AddressRange parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    InetAddress network =
        IpLiterals.parse(address)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "\"" + text + "\": \"" + address + "\" is not an IPv4 or IPv6 address"));
    int bits = network.getAddress().length * 8;
    int prefix = slash < 0 ? bits : prefixLength(text, text.substring(slash + 1), bits);
    byte[] masked = masked(network.getAddress(), prefix);
    if (!Arrays.equals(masked, network.getAddress())) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" has bits set after the prefix; the block is "
              + IpLiterals.text(IpLiterals.fromBytes(masked))
              + "/"
              + prefix);
    }
    return new AddressRange(network, prefix);
  }

  private static int prefixLength(String text, String prefix, int bits) {
    int n;
    try {
      n = Integer.parseInt(prefix);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          "\"" + text + "\" allows every address; list the blocks of the region instead");
    }
    if (n < 1 || n > bits || !prefix.equals(Integer.toString(n))) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\": the prefix length of an IPv"
              + (bits == 32 ? 4 : 6)
              + " block is 1-"
              + bits);
    }
    return n;
  }

  /** Whether {@code address} lies inside the block (never across IPv4 and IPv6). */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    return a.length == network.getAddress().length
        && Arrays.equals(masked(a, prefixLength), network.getAddress());
  }

  private static byte[] masked(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xff << (8 - keep)));
    }
    return out;
  }

  @Override
  public String toString() {
    return IpLiterals.text(network) + "/" + prefixLength;
  }
}
