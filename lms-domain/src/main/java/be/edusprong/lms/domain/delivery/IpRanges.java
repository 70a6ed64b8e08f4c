package be.edusprong.lms.domain.delivery;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The addresses an assessment may be taken from (issue 3, point 3: "allowed IP ranges (CIDR)"), as
 * CIDR blocks in IPv4 or IPv6 notation (RFC 4632, RFC 4291 section 2.3), e.g. {@code 10.12.0.0/16
 * 2001:db8::/32}; a single address is a block of one. Parsing and matching are done by the
 * IPAddress library (com.github.seancfoley:ipaddress); an IPv4-mapped IPv6 client address ({@code
 * ::ffff:10.12.1.5}) matches IPv4 blocks.
 */
public final class IpRanges {
  /** Longest text of ranges, as the column allows. */
  public static final int MAX_TEXT = 2000;

  private final String text;
  private final List<IPAddress> blocks;

  private IpRanges(String text, List<IPAddress> blocks) {
    this.text = text;
    this.blocks = List.copyOf(blocks);
  }

  /**
   * Parses ranges separated by spaces, commas, semicolons or line breaks.
   *
   * @param text the ranges; null or blank for "no restriction"
   * @return the ranges, or empty for no restriction
   * @throws IllegalArgumentException naming the first block that is no IP address or CIDR block,
   *     with the library's reason, or when the text is longer than {@value #MAX_TEXT} characters
   */
  public static Optional<IpRanges> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("IP ranges are at most " + MAX_TEXT + " characters");
    }
    List<IPAddress> blocks = new ArrayList<>();
    List<String> normal = new ArrayList<>();
    for (String part : text.strip().split("[\\s,;]+")) {
      IPAddress address;
      try {
        address = new IPAddressString(part).toAddress();
      } catch (AddressStringException e) {
        throw new IllegalArgumentException(
            "'" + part + "' is no IP address or CIDR block: " + e.getMessage(), e);
      }
      if (address == null) {
        throw new IllegalArgumentException("'" + part + "' is no IP address or CIDR block");
      }
      IPAddress block = address.isPrefixed() ? address.toPrefixBlock() : address;
      blocks.add(block);
      normal.add(block.toCanonicalString());
    }
    return Optional.of(new IpRanges(String.join(" ", normal), blocks));
  }

  /**
   * Whether a client address lies in one of the blocks.
   *
   * @param clientAddress the address as the servlet container gives it ({@code
   *     ServletRequest.getRemoteAddr()}); null or unparsable never matches
   * @return true when some block contains it
   */
  public boolean allows(String clientAddress) {
    if (clientAddress == null) {
      return false;
    }
    IPAddress client = new IPAddressString(clientAddress).getAddress();
    if (client == null) {
      return false;
    }
    if (client.isIPv6() && client.toIPv6().isIPv4Mapped()) {
      client = client.toIPv6().getEmbeddedIPv4Address();
    }
    for (IPAddress block : blocks) {
      if (block.getIPVersion() == client.getIPVersion() && block.contains(client)) {
        return true;
      }
    }
    return false;
  }

  /** The blocks in canonical notation, separated by single spaces, as stored. */
  @Override
  public String toString() {
    return text;
  }
}
