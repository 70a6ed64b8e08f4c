package be.edusprong.lms.assessment.delivery;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The platform's receipt signing key: Ed25519 (RFC 8032) from the JDK ({@code
 * KeyPairGenerator.getInstance("Ed25519")}, Java 15+).
 *
 * <p>Storage shapes (issue 3, point 4: "the signing key lives in the database"): the public key as
 * standard base64 of its X.509 {@code SubjectPublicKeyInfo} DER (44 bytes, what {@link
 * PublicKey#getEncoded()} returns; also what {@code openssl pkey -pubin -inform DER} reads), the
 * private key as standard base64 of its PKCS#8 {@code PrivateKeyInfo} DER ({@link
 * PrivateKey#getEncoded()}). The public key is published so that anybody can verify a receipt list;
 * the private key never leaves the server.
 */
public final class ReceiptKeys {

  /** JCA name of the signature and key algorithm. */
  static final String ALGORITHM = "Ed25519";

  private ReceiptKeys() {}

  /**
   * Generates a fresh key pair.
   *
   * @return a new Ed25519 key pair from the platform's default secure random source
   */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
    }
  }

  /**
   * Encodes a public key for storage or publication.
   *
   * @param key an Ed25519 public key
   * @return base64 of its X.509 encoding
   * @throws IllegalArgumentException when the key is not Ed25519
   */
  public static String encodePublic(PublicKey key) {
    requireEd25519(key);
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /**
   * Encodes a private key for storage.
   *
   * @param key an Ed25519 private key
   * @return base64 of its PKCS#8 encoding
   * @throws IllegalArgumentException when the key is not Ed25519
   */
  public static String encodePrivate(PrivateKey key) {
    requireEd25519(key);
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /**
   * Decodes a stored public key.
   *
   * @param base64 base64 of an X.509 Ed25519 public key, surrounding white space ignored
   * @return the key
   * @throws IllegalArgumentException when the text is not base64 or not an Ed25519 public key
   */
  public static PublicKey decodePublic(String base64) {
    try {
      PublicKey key =
          KeyFactory.getInstance(ALGORITHM)
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
      requireEd25519(key);
      return key;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key: " + e, e);
    }
  }

  /**
   * Decodes a stored private key.
   *
   * @param base64 base64 of a PKCS#8 Ed25519 private key, surrounding white space ignored
   * @return the key
   * @throws IllegalArgumentException when the text is not base64 or not an Ed25519 private key
   */
  public static PrivateKey decodePrivate(String base64) {
    try {
      PrivateKey key =
          KeyFactory.getInstance(ALGORITHM)
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
      requireEd25519(key);
      return key;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key: " + e, e);
    }
  }

  /**
   * Refuses any key that is not an Ed25519 key (e.g. RSA, or Ed448).
   *
   * @param key the key to check
   * @throws IllegalArgumentException when it is not Ed25519
   */
  static void requireEd25519(Key key) {
    if (key instanceof EdECKey ed
        && ed.getParams() != null
        && ALGORITHM.equalsIgnoreCase(ed.getParams().getName())) {
      return;
    }
    throw new IllegalArgumentException(
        "an Ed25519 key is required, got " + (key == null ? "null" : key.getAlgorithm()));
  }

  /**
   * Signs bytes.
   *
   * @param key Ed25519 private key
   * @param data the message
   * @return the 64-byte signature
   */
  static byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(key);
      s.update(data);
      return s.sign();
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("an Ed25519 private key is required", e);
    } catch (NoSuchAlgorithmException | SignatureException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * Checks a signature; never throws for a bad signature.
   *
   * @param key Ed25519 public key
   * @param data the message
   * @param signature the signature bytes
   * @return true when the signature is valid for the message under the key
   */
  static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("an Ed25519 public key is required", e);
    } catch (SignatureException e) {
      return false;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
    }
  }
}
