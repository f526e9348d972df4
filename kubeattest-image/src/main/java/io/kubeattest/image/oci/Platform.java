package io.kubeattest.image.oci;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An image platform: {@code os/architecture[/variant]}, e.g. {@code linux/amd64} or {@code
 * linux/arm64/v8}.
 */
public record Platform(String os, String architecture, @Nullable String variant) {
  /** The default platform: {@code linux/amd64}. */
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

  public Platform {
    os = os.toLowerCase(Locale.ROOT);
    architecture = architecture.toLowerCase(Locale.ROOT);
    if (variant != null && variant.isBlank()) {
      variant = null;
    }
  }

  /**
   * Parses {@code os/arch[/variant]}.
   *
   * @throws ImageException naming the value when it has not two or three parts
   */
  public static Platform parse(String value) {
    String[] parts = value.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new ImageException(
          "not a platform: '" + value + "' (expected os/arch[/variant], e.g. linux/amd64)");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
  }

  /**
   * Whether an image built for {@code other} runs here: same os and architecture, and the same
   * variant when this platform names one.
   */
  public boolean matches(Platform other) {
    return os.equals(other.os)
        && architecture.equals(other.architecture)
        && (variant == null || variant.equals(other.variant));
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }
}
