package be.edusprong.lms.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PayaraServer#harden} on a domain.xml shaped like the one {@code asadmin create-domain} of
 * Payara 6 writes: the server-config's pool with {@code max-queue-size} and an end tag, the
 * default-config's as an empty element. An earlier version matched neither shape, so every domain
 * kept Payara's 5 HTTP workers while claiming 64.
 */
class PayaraServerHardenTest {
  private static final String DOMAIN =
      """
      <domain>
        <configs>
          <config name="server-config">
            <network-config>
              <protocols>
                <protocol name="http-listener-1">
                  <http default-virtual-server="server" max-connections="250"></http>
                </protocol>
              </protocols>
              <network-listeners>
                <network-listener port="4848" protocol="admin-listener" name="admin-listener" thread-pool="admin-thread-pool"></network-listener>
              </network-listeners>
            </network-config>
            <thread-pools>
              <thread-pool name="admin-thread-pool" max-thread-pool-size="15"></thread-pool>
              <thread-pool name="http-thread-pool" max-queue-size="4096"></thread-pool>
            </thread-pools>
          </config>
          <config name="default-config">
            <thread-pools>
              <thread-pool name="http-thread-pool" />
            </thread-pools>
          </config>
        </configs>
      </domain>
      """;

  @TempDir Path dir;

  @Test
  void everyHttpPoolGetsTheThreadsAndKeepsItsQueue() throws IOException {
    Path xml = dir.resolve("domain.xml");
    Files.writeString(xml, DOMAIN);

    PayaraServer.harden(xml);

    String hardened = Files.readString(xml);
    Matcher pools =
        Pattern.compile("<thread-pool name=\"http-thread-pool\"[^>]*>").matcher(hardened);
    int count = 0;
    while (pools.find()) {
      count++;
      assertTrue(
          pools.group().contains("max-thread-pool-size=\"" + PayaraServer.HTTP_THREADS + "\""),
          pools.group());
      assertTrue(pools.group().contains("min-thread-pool-size=\"8\""), pools.group());
    }
    assertEquals(2, count);
    assertTrue(hardened.contains("max-queue-size=\"4096\""), "the queue limit is kept");
    assertTrue(
        hardened.contains("<thread-pool name=\"admin-thread-pool\" max-thread-pool-size=\"15\">"));
    assertTrue(hardened.contains("address=\"127.0.0.1\" thread-pool=\"admin-thread-pool\""));
    assertTrue(hardened.contains("xpowered-by=\"false\" server-header=\"false\""));
  }

  @Test
  void hardeningTwiceSetsTheSizesOnce() throws IOException {
    Path xml = dir.resolve("domain.xml");
    Files.writeString(xml, DOMAIN);
    PayaraServer.harden(xml);
    String once = Files.readString(xml);
    assertThrows(IOException.class, () -> PayaraServer.harden(xml), "already hardened listener");
    assertEquals(once, Files.readString(xml), "a refused hardening writes nothing");
  }

  @Test
  void anUnknownLayoutIsRefusedNotIgnored() throws IOException {
    Path xml = dir.resolve("domain.xml");
    String withoutPool = DOMAIN.replace("http-thread-pool", "web-pool");
    Files.writeString(xml, withoutPool);

    IOException e = assertThrows(IOException.class, () -> PayaraServer.harden(xml));

    assertTrue(e.getMessage().contains("http-thread-pool"), e.getMessage());
    assertFalse(Files.readString(xml).contains("127.0.0.1"), "nothing half-written");
  }
}
