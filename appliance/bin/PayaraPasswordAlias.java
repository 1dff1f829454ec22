import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.*;
import javax.crypto.spec.SecretKeySpec;

/**
 * Maintains Payara's password alias store without asadmin (JDK only; Java 11+ source launcher).
 *
 *   java PayaraPasswordAlias.java set    CONFIG_DIR ALIAS  < secret   (stdin; one trailing newline dropped)
 *   java PayaraPasswordAlias.java list   CONFIG_DIR
 *   java PayaraPasswordAlias.java delete CONFIG_DIR ALIAS
 *   java PayaraPasswordAlias.java master CONFIG_DIR PAYARA_MICRO_JAR  (new random master password)
 *
 * CONFIG_DIR is INSTANCE_ROOT/config, i.e. ROOTDIR/config for `payara-micro --rootdir ROOTDIR`.
 * Formats are those of Payara 6 (com.sun.enterprise.security.store.PasswordAdapter, IdmService):
 *  - CONFIG_DIR/domain-passwords: JCEKS; store password and each entry's key password are the master
 *    password; an alias is a SecretKeySpec(UTF-8 bytes of the secret, "AES").
 *  - CONFIG_DIR/master-password (optional): JCEKS protected by the fixed word "master-password",
 *    entry "master-password" holding the master password. Without it Payara uses "changeit".
 * `master` re-encrypts domain-passwords under a new random master password, writes master-password,
 * and re-encrypts CONFIG_DIR/keystore.p12 and cacerts.p12 too (taken from MICRO-INF/domain/ in the
 * Payara Micro jar, password "changeit", when not yet there): Payara opens those two with the master
 * password and refuses to deploy anything if that fails.
 */
public class PayaraPasswordAlias {
    static final String FIXED = "master-password";

    public static void main(String[] a) throws Exception {
        if (a.length < 2) usage();
        Path dir = Paths.get(a[1]).toAbsolutePath();
        Path store = dir.resolve("domain-passwords");
        char[] master = readMaster(dir);
        KeyStore ks = load(store, master);
        switch (a[0]) {
            case "list":
                for (String s : Collections.list(ks.aliases())) System.out.println(s);
                return;
            case "set": {
                if (a.length != 3) usage();
                byte[] secret = readStdin();
                if (secret.length == 0) die("empty secret on stdin");
                ks.setKeyEntry(a[2], new SecretKeySpec(secret, "AES"), master, null);
                Arrays.fill(secret, (byte) 0);
                save(ks, store, master);
                return;
            }
            case "delete":
                if (a.length != 3) usage();
                if (!ks.containsAlias(a[2])) die("no alias " + a[2]);
                ks.deleteEntry(a[2]);
                save(ks, store, master);
                return;
            case "master": {
                if (a.length != 3) usage();
                char[] fresh = randomPassword();
                for (String name : new String[] {"keystore.p12", "cacerts.p12"}) {
                    Path f = dir.resolve(name);
                    KeyStore p12 = KeyStore.getInstance("PKCS12");
                    char[] old = master;
                    if (Files.exists(f)) {
                        try (InputStream in = Files.newInputStream(f)) { p12.load(in, old); }
                    } else {
                        old = "changeit".toCharArray();
                        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(a[2]);
                             InputStream in = jar.getInputStream(jar.getEntry("MICRO-INF/domain/" + name))) { p12.load(in, old); }
                    }
                    KeyStore out = KeyStore.getInstance("PKCS12");
                    out.load(null, fresh);
                    for (String s : Collections.list(p12.aliases())) {
                        if (p12.isKeyEntry(s)) out.setKeyEntry(s, p12.getKey(s, old), fresh, p12.getCertificateChain(s));
                        else out.setCertificateEntry(s, p12.getCertificate(s));
                    }
                    save(out, f, fresh);
                }
                KeyStore re = KeyStore.getInstance("JCEKS");
                re.load(null, fresh);
                for (String s : Collections.list(ks.aliases()))
                    re.setKeyEntry(s, ks.getKey(s, master), fresh, null);
                KeyStore mp = KeyStore.getInstance("JCEKS");
                mp.load(null, FIXED.toCharArray());
                mp.setKeyEntry(FIXED, new SecretKeySpec(new String(fresh).getBytes(StandardCharsets.UTF_8), "AES"),
                        FIXED.toCharArray(), null);
                // master-password first: a crash in between leaves a store Payara cannot open, so
                // keep a copy of domain-passwords until you have seen Payara start.
                save(mp, dir.resolve(FIXED), FIXED.toCharArray());
                save(re, store, fresh);
                return;
            }
            default: usage();
        }
    }

    static char[] readMaster(Path dir) throws Exception {
        Path f = dir.resolve(FIXED);
        if (!Files.exists(f)) return "changeit".toCharArray();
        KeyStore mp = load(f, FIXED.toCharArray());
        byte[] b = mp.getKey(FIXED, FIXED.toCharArray()).getEncoded();
        return new String(b, StandardCharsets.UTF_8).toCharArray();
    }

    static KeyStore load(Path f, char[] pw) throws Exception {
        KeyStore ks = KeyStore.getInstance("JCEKS");
        if (Files.exists(f)) try (InputStream in = Files.newInputStream(f)) { ks.load(in, pw); }
        else ks.load(null, pw);
        return ks;
    }

    static void save(KeyStore ks, Path f, char[] pw) throws Exception {
        Files.createDirectories(f.getParent());
        Path tmp = Files.createTempFile(f.getParent(), "." + f.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(tmp)) { ks.store(out, pw); }
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static byte[] readStdin() throws IOException {
        byte[] b = System.in.readAllBytes();
        int n = b.length;
        if (n > 0 && b[n - 1] == '\n') n--;
        if (n > 0 && b[n - 1] == '\r') n--;
        byte[] r = Arrays.copyOf(b, n);
        Arrays.fill(b, (byte) 0);
        return r;
    }

    static char[] randomPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
    }

    static void usage() { die("usage: set CONFIG_DIR ALIAS < secret | list CONFIG_DIR | delete CONFIG_DIR ALIAS | master CONFIG_DIR PAYARA_MICRO_JAR"); }
    static void die(String m) { System.err.println("PayaraPasswordAlias: " + m); System.exit(64); }
}
