package org.illflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM encryption of supplier passwords and where its key comes from. */
class SupplierCredentialsTest {

    private static SupplierCredentials withNewKey() {
        return new SupplierCredentials(Base64.getDecoder().decode(SupplierCredentials.newKey()));
    }

    @Test
    void aPasswordComesBackAsItWent() {
        SupplierCredentials credentials = withNewKey();
        for (String password : new String[] {"s3cret!", "密码-2026 with spaces", "x", "p".repeat(100)}) {
            String stored = credentials.encrypt("CALIS", password);
            assertThat(stored).startsWith("v1:");
            if (password.length() > 4) {
                assertThat(stored).doesNotContain(password);
            }
            assertThat(stored.length()).isLessThanOrEqualTo(500);
            assertThat(credentials.decrypt("CALIS", stored)).isEqualTo(password);
        }
    }

    @Test
    void theSamePasswordEncryptsDifferentlyEachTime() {
        SupplierCredentials credentials = withNewKey();
        String first = credentials.encrypt("NSTL", "same-password");
        String second = credentials.encrypt("NSTL", "same-password");
        assertThat(first).isNotEqualTo(second);
        byte[] a = Base64.getDecoder().decode(first.substring(3));
        byte[] b = Base64.getDecoder().decode(second.substring(3));
        assertThat(java.util.Arrays.copyOf(a, 12)).as("random IV").isNotEqualTo(java.util.Arrays.copyOf(b, 12));
        assertThat(credentials.decrypt("NSTL", first)).isEqualTo(credentials.decrypt("NSTL", second));
    }

    @Test
    void aWrongKeyFailsClearly() {
        String stored = withNewKey().encrypt("CASHL", "s3cret!");
        assertThatThrownBy(() -> withNewKey().decrypt("CASHL", stored))
                .isInstanceOf(SupplierCredentialException.class)
                .hasMessageContaining("CASHL")
                .hasMessageContaining("cannot be decrypted with the configured key")
                .hasMessageContaining("illflow.supplier.credential-key")
                .hasMessageNotContaining("s3cret!");
    }

    @Test
    void aValueCopiedToAnotherSupplierOrAlteredDoesNotDecrypt() {
        SupplierCredentials credentials = withNewKey();
        String stored = credentials.encrypt("CALIS", "s3cret!");
        assertThatThrownBy(() -> credentials.decrypt("NSTL", stored)).isInstanceOf(SupplierCredentialException.class);

        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> credentials.decrypt("CALIS", altered)).isInstanceOf(SupplierCredentialException.class);
        assertThatThrownBy(() -> credentials.decrypt("CALIS", "s3cret!")).isInstanceOf(SupplierCredentialException.class)
                .hasMessageContaining("not in a known format");
        assertThatThrownBy(() -> credentials.decrypt("CALIS", "v1:%%%")).isInstanceOf(SupplierCredentialException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> credentials.decrypt("CALIS", "v1:AAAA")).isInstanceOf(SupplierCredentialException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void aConfiguredKeyIsUsedAndMustBeThirtyTwoBytesOfBase64(@TempDir Path dir) {
        String key = SupplierCredentials.newKey();
        Path file = dir.resolve("unused.key");
        assertThat(SupplierCredentials.loadKey(key, file.toString())).isEqualTo(Base64.getDecoder().decode(key));
        assertThat(file).as("no key file when a key is configured").doesNotExist();

        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SupplierCredentials.loadKey(shortKey, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 16 bytes; it needs 32");
        assertThatThrownBy(() -> SupplierCredentials.loadKey("not base64!", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not base64");
    }

    @Test
    void withoutAKeyOrKeyFileTheApplicationDoesNotStart() {
        // the postgres profile: credential-key-file is empty, so ILLFLOW_SUPPLIER_KEY must be set
        assertThatThrownBy(() -> new SupplierCredentials("", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("illflow.supplier.credential-key is not set")
                .hasMessageContaining("ILLFLOW_SUPPLIER_KEY");
    }

    @Test
    void theEmbeddedDefaultGeneratesAKeyFileOnceAndKeepsUsingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/supplier-credential.key");
        SupplierCredentials first = new SupplierCredentials("", file.toString());
        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        String content = Files.readString(file);

        String stored = first.encrypt("SJTU", "lend-me-books");
        SupplierCredentials afterRestart = new SupplierCredentials("", file.toString());
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(afterRestart.decrypt("SJTU", stored)).isEqualTo("lend-me-books");
    }
}
