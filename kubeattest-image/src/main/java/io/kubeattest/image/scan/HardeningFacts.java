package io.kubeattest.image.scan;

import java.util.List;

/**
 * What the image's filesystem says about its hardening.
 *
 * @param shells shell paths present (e.g. {@code bin/sh}), symlinks included
 * @param packageManagers package manager binaries present (e.g. {@code usr/bin/apt-get})
 * @param specialFiles regular files with the setuid or setgid bit
 * @param secrets files that look like secrets (private keys, cloud credentials)
 */
public record HardeningFacts(
    List<String> shells,
    List<String> packageManagers,
    List<SpecialFile> specialFiles,
    List<SecretFile> secrets) {
  public HardeningFacts {
    shells = List.copyOf(shells);
    packageManagers = List.copyOf(packageManagers);
    specialFiles = List.copyOf(specialFiles);
    secrets = List.copyOf(secrets);
  }

  /** A setuid or setgid file; {@code mode} in octal, e.g. {@code 4755}. */
  public record SpecialFile(String path, String mode, boolean setuid, boolean setgid, int layer) {}

  /** A file that looks like a secret, and why ({@code kind}, e.g. {@code private key}). */
  public record SecretFile(String path, String kind, int layer) {}
}
