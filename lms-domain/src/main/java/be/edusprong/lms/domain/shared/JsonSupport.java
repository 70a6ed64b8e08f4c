package be.edusprong.lms.domain.shared;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider of the platform, looked up once.
 *
 * <p>Every static factory of {@link jakarta.json.Json} ({@code Json.createReader}, {@code
 * Json.createObjectBuilder}, ...) looks the provider up again through {@link
 * JsonProvider#provider()}, which scans the class loaders with {@link java.util.ServiceLoader}
 * (and, on Payara, OSGi): in a profile of the exam save path that lookup took 12% of the
 * application server's CPU (BENCHMARKS.md, "Profile of a save"). Code on a hot path uses {@link
 * #JSON} instead; the provider is thread-safe (Jakarta JSON Processing 2.1, {@code JsonProvider}).
 */
public final class JsonSupport {
  /** The provider found when this class was loaded (the application's class loader). */
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonSupport() {}
}
