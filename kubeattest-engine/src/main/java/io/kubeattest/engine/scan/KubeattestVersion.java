package io.kubeattest.engine.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of kubeattest, as the build stamped it. */
public final class KubeattestVersion {
  private static final String VERSION = load();

  private KubeattestVersion() {}

  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in =
        KubeattestVersion.class
            .getClassLoader()
            .getResourceAsStream("kubeattest/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
