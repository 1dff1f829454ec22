import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads strace's record of connect() calls (strace -f -e trace=connect) and the residency policy's
 * egress allowlist, and lists every Internet destination a process connected to — or tried to —
 * that is neither loopback nor in the allowlist. Exit 0: none; 1: some (listed); 2: the record is
 * unusable (no connect() at all: the recording cannot have worked).
 *
 * <p>Usage: java EgressRecordCheck.java STRACE_OUTPUT POLICY_JSON
 */
public final class EgressRecordCheck {
  private static final Pattern V4 =
      Pattern.compile("sa_family=AF_INET, sin_port=htons\\((\\d+)\\), sin_addr=inet_addr\\(\"([0-9.]+)\"\\)");
  private static final Pattern V6 =
      Pattern.compile("sa_family=AF_INET6, sin6_port=htons\\((\\d+)\\),.*?inet_pton\\(AF_INET6, \"([0-9a-fA-F:.]+)\"");
  private static final Pattern HOST = Pattern.compile("\"host\"\\s*:\\s*\"([^\"]+)\"");

  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    List<String[]> allowed = new ArrayList<>();
    Matcher h = HOST.matcher(Files.readString(Path.of(args[1])));
    while (h.find()) {
      String entry = h.group(1);
      if (entry.contains("/")) {
        allowed.add(entry.split("/", 2));
      } else if (entry.matches("[0-9.]+") || entry.contains(":")) {
        allowed.add(new String[] {entry, entry.contains(":") ? "128" : "32"});
      }
      // names: the record holds addresses only; a name is allowed through its addresses' entries
    }
    int connects = 0;
    int internet = 0;
    TreeMap<String, Integer> refused = new TreeMap<>();
    for (String line : lines) {
      if (!line.contains("connect(")) {
        continue;
      }
      connects++;
      String address = null;
      String port = null;
      Matcher m4 = V4.matcher(line);
      Matcher m6 = V6.matcher(line);
      if (m4.find()) {
        address = m4.group(2);
        port = m4.group(1);
      } else if (m6.find()) {
        address = m6.group(2);
        port = m6.group(1);
      }
      if (address == null) {
        continue; // AF_UNIX, AF_NETLINK, AF_UNSPEC (a disconnect)
      }
      internet++;
      InetAddress a = InetAddress.getByName(address); // a literal: no lookup
      if (a.isLoopbackAddress() || isMappedLoopback(a) || inAllowlist(a, allowed)) {
        continue;
      }
      refused.merge(address + " port " + port, 1, Integer::sum);
    }
    System.out.printf(
        "connect() calls recorded: %d, to Internet addresses: %d, outside loopback and the allowlist: %d%n",
        connects, internet, refused.values().stream().mapToInt(Integer::intValue).sum());
    if (connects == 0) {
      System.out.println("no connect() in the record: the recording did not work");
      System.exit(2);
    }
    refused.forEach((dest, n) -> System.out.println("  outbound: " + dest + " (" + n + "×)"));
    System.exit(refused.isEmpty() ? 0 : 1);
  }

  private static boolean isMappedLoopback(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == 16 && b[10] == (byte) 0xff && b[11] == (byte) 0xff && b[12] == 127;
  }

  private static boolean inAllowlist(InetAddress a, List<String[]> allowed) throws IOException {
    for (String[] cidr : allowed) {
      InetAddress network = InetAddress.getByName(cidr[0]);
      int bits = Integer.parseInt(cidr[1]);
      if (network.getAddress().length != a.getAddress().length) {
        continue;
      }
      int width = a.getAddress().length * 8;
      BigInteger mask =
          BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE).shiftRight(width - bits).shiftLeft(width - bits);
      if (new BigInteger(1, a.getAddress()).and(mask).equals(new BigInteger(1, network.getAddress()).and(mask))) {
        return true;
      }
    }
    return false;
  }
}
