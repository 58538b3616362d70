package dev.aiwizard.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PemKeysTest {
    private static final KeyPair KEYS = rsa();

    @Test
    void aPkcs8KeyIsRead() {
        byte[] pkcs8 = KEYS.getPrivate().getEncoded();

        assertArrayEquals(pkcs8, PemKeys.rsaPrivateKey(pem("PRIVATE KEY", pkcs8)).getEncoded());
    }

    @Test
    void aPkcs1KeyAsGitHubHandsItOutIsReadToo() {
        byte[] pkcs8 = KEYS.getPrivate().getEncoded();
        String github = pem("RSA PRIVATE KEY", pkcs1Of(pkcs8));

        assertArrayEquals(pkcs8, PemKeys.rsaPrivateKey("\n" + github + "\n").getEncoded());
    }

    @Test
    void somethingElseIsRefusedWithoutRepeatingIt() {
        String broken = "-----BEGIN RSA PRIVATE KEY-----\nc2VjcmV0LW5vdC1hLWtleQ==\n-----END RSA PRIVATE KEY-----";

        IllegalArgumentException notPem = assertThrows(IllegalArgumentException.class,
                () -> PemKeys.rsaPrivateKey("ghp_notakey"));
        IllegalArgumentException notRsa = assertThrows(IllegalArgumentException.class,
                () -> PemKeys.rsaPrivateKey(broken));

        assertTrue(notPem.getMessage().contains("not an RSA key in PEM form"), notPem.getMessage());
        assertFalse(notPem.getMessage().contains("ghp_"), notPem.getMessage());
        assertFalse(notRsa.getMessage().contains("c2VjcmV0"), notRsa.getMessage());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The PKCS#1 key inside a PKCS#8 envelope: the content of its OCTET STRING. */
    static byte[] pkcs1Of(byte[] pkcs8) {
        int i = 1 + lengthBytes(pkcs8, 1); // outer SEQUENCE header
        i += 3; // INTEGER 0
        i += 2 + (pkcs8[i + 1] & 0xff); // AlgorithmIdentifier SEQUENCE
        int lengthAt = i + 1;
        int length = length(pkcs8, lengthAt);
        int start = lengthAt + lengthBytes(pkcs8, lengthAt);
        return Arrays.copyOfRange(pkcs8, start, start + length);
    }

    private static int lengthBytes(byte[] der, int at) {
        int first = der[at] & 0xff;
        return first < 0x80 ? 1 : 1 + (first & 0x7f);
    }

    private static int length(byte[] der, int at) {
        int first = der[at] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = 0;
        for (int k = 1; k <= (first & 0x7f); k++) {
            n = n << 8 | der[at + k] & 0xff;
        }
        return n;
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
