package org.illflow.supplier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Supplier passwords at rest: AES-256-GCM with a random 12-byte IV per value, stored as {@code v1:} followed by
 * base64(iv || ciphertext || tag). The supplier code is bound in as associated data, so a value copied to
 * another supplier's row does not decrypt.
 *
 * <p>The key is the setting {@code illflow.supplier.credential-key} (base64 of 32 bytes, e.g. from
 * {@code openssl rand -base64 32}; env {@code ILLFLOW_SUPPLIER_KEY}). When it is empty and
 * {@code illflow.supplier.credential-key-file} is set (the embedded default:
 * {@code ${illflow.data-dir}/supplier-credential.key}), the key is read from that file, which is generated once
 * on first start. The {@code postgres} profile sets no key file, so the key must be configured there: the
 * application refuses to start without it (several nodes must share one key, and a key beside the database
 * it protects protects nothing). Losing the key makes the stored passwords unreadable; admins then enter them
 * again. Nothing here logs a password or the key.
 *
 * <p>The same key and format protect the security codes of ISO 18626 partner libraries
 * ({@code iso18626.Iso18626Peers}); their values are bound to {@code iso18626-peer/<peer code>}, which no supplier
 * code can equal, so neither kind of value decrypts as the other.
 */
@Component
public class SupplierCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(SupplierCredentials.class);

    static final String PREFIX = "v1:";
    static final String KEY_SETTING = "illflow.supplier.credential-key";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_STORED_LENGTH = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    @Autowired
    SupplierCredentials(@Value("${" + KEY_SETTING + ":}") String configuredKey,
            @Value("${illflow.supplier.credential-key-file:}") String keyFile) {
        this(loadKey(configuredKey, keyFile));
    }

    SupplierCredentials(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a supplier credential key has " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A fresh random key, base64: what to put into ILLFLOW_SUPPLIER_KEY. */
    static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Encrypts a supplier's password (or another secret bound to {@code supplierCode}) for storage in its row. */
    public String encrypt(String supplierCode, String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("no password to encrypt");
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, supplierCode);
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            String stored = PREFIX + Base64.getEncoder().encodeToString(out);
            if (stored.length() > MAX_STORED_LENGTH) {
                throw new IllegalArgumentException("the password of supplier " + supplierCode + " is too long");
            }
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Decrypts a stored value; fails with {@link SupplierCredentialException} when the key does not fit it. */
    public String decrypt(String supplierCode, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new SupplierCredentialException("The stored password of supplier " + supplierCode
                    + " is not in a known format (expected " + PREFIX + "…).");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SupplierCredentialException("The stored password of supplier " + supplierCode
                    + " is damaged (not base64).");
        }
        if (in.length <= IV_BYTES + TAG_BITS / 8) {
            throw new SupplierCredentialException("The stored password of supplier " + supplierCode
                    + " is damaged (too short).");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, IV_BYTES), supplierCode);
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SupplierCredentialException("The stored password of supplier " + supplierCode
                    + " cannot be decrypted with the configured key (" + KEY_SETTING + "): the key was changed or "
                    + "the value was altered. An admin must enter the password again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String supplierCode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("illflow-supplier:" + supplierCode).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** The configured key, else the key file (generated when missing), else a clear refusal to start. */
    static byte[] loadKey(String configuredKey, String keyFile) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return decodeKey(configuredKey, KEY_SETTING + " (ILLFLOW_SUPPLIER_KEY)");
        }
        if (keyFile == null || keyFile.isBlank()) {
            throw new IllegalStateException(KEY_SETTING + " is not set. Supplier passwords are encrypted with it: "
                    + "set ILLFLOW_SUPPLIER_KEY to a base64-encoded 32-byte key (e.g. `openssl rand -base64 32`), "
                    + "the same on every node, and keep it safe: without it the stored passwords cannot be read.");
        }
        Path file = Path.of(keyFile);
        try {
            if (Files.notExists(file)) {
                generateKeyFile(file);
            }
            return decodeKey(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the supplier credential key file " + file
                    + ": " + e.getMessage(), e);
        }
    }

    private static void generateKeyFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.writeString(file, newKey() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return; // created meanwhile by another start: use that one
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's permissions apply
        }
        LOG.info("Generated the supplier credential key {} (embedded default). Keep it with the data folder: "
                + "without it the stored supplier passwords cannot be read.", file.toAbsolutePath());
    }

    private static byte[] decodeKey(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The supplier credential key from " + source + " is not base64.");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("The supplier credential key from " + source + " has " + key.length
                    + " bytes; it needs " + KEY_BYTES + " (e.g. `openssl rand -base64 32`).");
        }
        return key;
    }
}
