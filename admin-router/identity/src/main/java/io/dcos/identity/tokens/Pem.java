package io.dcos.identity.tokens;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** PEM text of RSA public keys ({@code -----BEGIN PUBLIC KEY-----}, SubjectPublicKeyInfo). */
public final class Pem {
  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";

  private Pem() {}

  /** Parses a PEM public key; IllegalArgumentException when it is not an RSA one. */
  public static RSAPublicKey rsaPublicKey(String pem) {
    if (pem == null) {
      throw new IllegalArgumentException("missing");
    }
    String text = pem.strip();
    if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
      throw new IllegalArgumentException("expected " + BEGIN + " ... " + END);
    }
    String body =
        text.substring(BEGIN.length(), text.length() - END.length()).replaceAll("\\s", "");
    try {
      PublicKey key =
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
      return (RSAPublicKey) key;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a readable RSA key", e);
    }
  }

  /** The PEM text of {@code key}. */
  public static String of(PublicKey key) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }
}
