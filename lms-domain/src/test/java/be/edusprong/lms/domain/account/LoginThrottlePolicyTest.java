package be.edusprong.lms.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {
  @Test
  void firstFailuresFromOneAddressAreFree() {
    assertEquals(Duration.ZERO, LoginThrottlePolicy.accountAddressWait(0));
    assertEquals(Duration.ZERO, LoginThrottlePolicy.accountAddressWait(3));
  }

  @Test
  void waitDoublesAfterTheFreeFailuresUpToTheCap() {
    assertEquals(Duration.ofSeconds(1), LoginThrottlePolicy.accountAddressWait(4));
    assertEquals(Duration.ofSeconds(2), LoginThrottlePolicy.accountAddressWait(5));
    assertEquals(Duration.ofSeconds(4), LoginThrottlePolicy.accountAddressWait(6));
    assertEquals(Duration.ofSeconds(512), LoginThrottlePolicy.accountAddressWait(13));
    // 1024 s would pass the 15-minute cap
    assertEquals(
        LoginThrottlePolicy.MAX_ACCOUNT_IP_WAIT, LoginThrottlePolicy.accountAddressWait(14));
    assertEquals(
        LoginThrottlePolicy.MAX_ACCOUNT_IP_WAIT, LoginThrottlePolicy.accountAddressWait(40));
    assertEquals(
        LoginThrottlePolicy.MAX_ACCOUNT_IP_WAIT, LoginThrottlePolicy.accountAddressWait(10_000));
  }

  @Test
  void anAddressSharedByACentreGetsManyFreeFailures() {
    assertEquals(Duration.ZERO, LoginThrottlePolicy.addressWait(50));
    assertEquals(Duration.ofSeconds(1), LoginThrottlePolicy.addressWait(51));
    assertEquals(LoginThrottlePolicy.MAX_IP_WAIT, LoginThrottlePolicy.addressWait(500));
  }

  @Test
  void anAccountUnderADistributedAttackIsOnlySlowedNeverBlocked() {
    assertEquals(Duration.ZERO, LoginThrottlePolicy.accountSlowdown(10));
    assertEquals(Duration.ofSeconds(1), LoginThrottlePolicy.accountSlowdown(11));
    assertEquals(
        LoginThrottlePolicy.MAX_ACCOUNT_SLOWDOWN, LoginThrottlePolicy.accountSlowdown(1_000));
  }

  @Test
  void keysCompareUsernamesCaseInsensitivelyAndSeparateAddresses() {
    assertEquals(
        LoginThrottlePolicy.accountAddressKey("Cursist ", "10.0.0.1"),
        LoginThrottlePolicy.accountAddressKey("cursist", "10.0.0.1"));
    assertNotEquals(
        LoginThrottlePolicy.accountAddressKey("cursist", "10.0.0.1"),
        LoginThrottlePolicy.accountAddressKey("cursist", "10.0.0.2"));
    assertEquals("acct:cursist", LoginThrottlePolicy.accountKey("CURSIST"));
    assertEquals("ip:10.0.0.1", LoginThrottlePolicy.addressKey("10.0.0.1"));
  }
}
