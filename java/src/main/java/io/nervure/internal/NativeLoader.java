package io.nervure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads the JNI library: from the jar (native/linux-x86_64/libnervure_jni.so,
 * extracted to a temporary file), else from java.library.path, else from the
 * path in the system property {@code nervure.library.path}.
 */
public final class NativeLoader {
  private static boolean loaded;

  private NativeLoader() {}

  /** The platform directory inside the jar, e.g. linux-x86_64. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase();
    String arch = System.getProperty("os.arch", "");
    if (arch.equals("amd64")) arch = "x86_64";
    if (arch.equals("arm64")) arch = "aarch64";
    return (os.contains("linux") ? "linux" : os.replace(' ', '_')) + "-" + arch;
  }

  /** Loads the library once. */
  public static synchronized void load() {
    if (loaded) return;
    String explicit = System.getProperty("nervure.library.path");
    if (explicit != null) {
      System.load(explicit);
      loaded = true;
      return;
    }
    String resource = "/native/" + platform() + "/libnervure_jni.so";
    Throwable first = null;
    try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
      if (in != null) {
        Path tmp = Files.createTempFile("nervure_jni", ".so");
        tmp.toFile().deleteOnExit();
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        tmp.toFile().setExecutable(true);
        System.load(tmp.toAbsolutePath().toString());
        loaded = true;
        return;
      }
    } catch (IOException | UnsatisfiedLinkError e) {
      first = e;
    }
    try {
      System.loadLibrary("nervure_jni");
      loaded = true;
    } catch (UnsatisfiedLinkError e) {
      if (first != null) e.addSuppressed(first);
      throw e;
    }
  }
}
