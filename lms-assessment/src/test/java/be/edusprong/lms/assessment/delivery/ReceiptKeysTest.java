package be.edusprong.lms.assessment.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptKeysTest {

  @Test
  void keysRoundTripThroughBase64AndStillSignAndVerify() {
    KeyPair keys = ReceiptKeys.generate();
    String pub = ReceiptKeys.encodePublic(keys.getPublic());
    String priv = ReceiptKeys.encodePrivate(keys.getPrivate());
    // X.509 SubjectPublicKeyInfo of Ed25519: 12 bytes of header + 32 bytes of key.
    assertEquals(44, Base64.getDecoder().decode(pub).length);
    PublicKey publicKey = ReceiptKeys.decodePublic("  " + pub + "\n");
    PrivateKey privateKey = ReceiptKeys.decodePrivate(priv);
    assertArrayEquals(keys.getPublic().getEncoded(), publicKey.getEncoded());
    assertArrayEquals(keys.getPrivate().getEncoded(), privateKey.getEncoded());

    List<Receipt> receipts =
        List.of(
            ReceiptChain.start("att-1", privateKey)
                .append("q1", new byte[] {1}, 1, java.time.Instant.EPOCH));
    assertTrue(ReceiptChain.verify(receipts, keys.getPublic()).ok());
    assertTrue(ReceiptChain.verify(receipts, publicKey).ok());
  }

  @Test
  void garbageAndForeignKeysAreRefused() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> ReceiptKeys.decodePublic("not base64!"));
    assertThrows(IllegalArgumentException.class, () -> ReceiptKeys.decodePublic("AAAA"));
    KeyPair keys = ReceiptKeys.generate();
    // A private key is not a public key.
    assertThrows(
        IllegalArgumentException.class,
        () -> ReceiptKeys.decodePublic(ReceiptKeys.encodePrivate(keys.getPrivate())));
    assertThrows(
        IllegalArgumentException.class,
        () -> ReceiptKeys.decodePrivate(ReceiptKeys.encodePublic(keys.getPublic())));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair rsaKeys = rsa.generateKeyPair();
    assertThrows(
        IllegalArgumentException.class, () -> ReceiptKeys.encodePublic(rsaKeys.getPublic()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ReceiptKeys.decodePublic(
                Base64.getEncoder().encodeToString(rsaKeys.getPublic().getEncoded())));
  }
}
