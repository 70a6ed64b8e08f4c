package be.edusprong.lms.assessment.qti;

/**
 * The limits {@link QtiPackageImporter} applies while unpacking an untrusted ZIP content package,
 * so that a zip bomb, a huge archive or an absurdly nested one is refused before it exhausts memory
 * or disk (OWASP "File Upload Cheat Sheet", archive handling; CWE-409 "Improper Handling of Highly
 * Compressed Data"). A breach refuses the whole package with a message naming the limit (by its
 * component name, e.g. {@code maxEntries}) and the entry where it was found.
 *
 * <p>Every limit has a documented default ({@link #DEFAULT}) and can be overridden with the {@code
 * with...} methods, e.g. {@code PackageLimits.DEFAULT.withMaxTotalBytes(1L << 30)} for a trusted
 * publisher bank of 1 GiB.
 *
 * @param maxTotalBytes the most uncompressed bytes of all entries together; default 200 MiB
 * @param maxEntries the most entries (files and folders); default 10,000
 * @param maxEntryBytes the most uncompressed bytes of one entry; default 50 MiB
 * @param maxDepth the most path segments of an entry name ({@code a/b/c.xml} has 3); default 16
 * @param maxRatio the highest compression ratio (uncompressed / compressed bytes) of one entry once
 *     it is larger than {@code ratioMinBytes}; default 100 (text compresses 5 to 20 times, a zip
 *     bomb thousands of times)
 * @param ratioMinBytes the entry size in bytes from which {@code maxRatio} is enforced, so small,
 *     highly compressible files (a blank XML file) are not refused; default 1 MiB
 */
public record PackageLimits(
    long maxTotalBytes,
    int maxEntries,
    long maxEntryBytes,
    int maxDepth,
    int maxRatio,
    long ratioMinBytes) {

  /** One mebibyte (1,048,576 bytes). */
  public static final long MIB = 1024L * 1024;

  /**
   * The defaults: 200 MiB in all, 10,000 entries, 50 MiB an entry, depth 16, ratio 100 (>1 MiB).
   */
  public static final PackageLimits DEFAULT =
      new PackageLimits(200 * MIB, 10_000, 50 * MIB, 16, 100, MIB);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException when a limit is not positive ({@code ratioMinBytes} may be 0)
   */
  public PackageLimits {
    if (maxTotalBytes <= 0
        || maxEntries <= 0
        || maxEntryBytes <= 0
        || maxDepth <= 0
        || maxRatio <= 0
        || ratioMinBytes < 0) {
      throw new IllegalArgumentException("package limits must be positive");
    }
  }

  /**
   * These limits with another total size.
   *
   * @param bytes the most uncompressed bytes of all entries together
   * @return a copy
   */
  public PackageLimits withMaxTotalBytes(long bytes) {
    return new PackageLimits(bytes, maxEntries, maxEntryBytes, maxDepth, maxRatio, ratioMinBytes);
  }

  /**
   * These limits with another entry count.
   *
   * @param entries the most entries
   * @return a copy
   */
  public PackageLimits withMaxEntries(int entries) {
    return new PackageLimits(
        maxTotalBytes, entries, maxEntryBytes, maxDepth, maxRatio, ratioMinBytes);
  }

  /**
   * These limits with another entry size.
   *
   * @param bytes the most uncompressed bytes of one entry
   * @return a copy
   */
  public PackageLimits withMaxEntryBytes(long bytes) {
    return new PackageLimits(maxTotalBytes, maxEntries, bytes, maxDepth, maxRatio, ratioMinBytes);
  }

  /**
   * These limits with another path depth.
   *
   * @param depth the most path segments of an entry name
   * @return a copy
   */
  public PackageLimits withMaxDepth(int depth) {
    return new PackageLimits(
        maxTotalBytes, maxEntries, maxEntryBytes, depth, maxRatio, ratioMinBytes);
  }

  /**
   * These limits with another compression ratio.
   *
   * @param ratio the highest uncompressed / compressed ratio of one entry
   * @param fromBytes the entry size from which the ratio is enforced
   * @return a copy
   */
  public PackageLimits withMaxRatio(int ratio, long fromBytes) {
    return new PackageLimits(maxTotalBytes, maxEntries, maxEntryBytes, maxDepth, ratio, fromBytes);
  }
}
