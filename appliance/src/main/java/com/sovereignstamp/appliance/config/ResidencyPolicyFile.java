package com.sovereignstamp.appliance.config;

import com.sovereignstamp.appliance.residency.InvalidResidencyPolicyException;
import com.sovereignstamp.appliance.residency.ResidencyPolicy;
import com.sovereignstamp.appliance.residency.ResidencyPolicyReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The residency policy file named by {@code stamp.residency.policy-file}: read, checked, every
 * mistake reported at once; one that group or others may change is refused (it decides where the
 * stamp's data may go).
 */
final class ResidencyPolicyFile {
  static final String KEY = "stamp.residency.policy-file";

  private ResidencyPolicyFile() {}

  /**
   * @throws SettingsException if the file cannot be read, may be changed by others, or has mistakes
   */
  static ResidencyPolicy read(Path file) {
    String text;
    try {
      refuseWritableByOthers(file);
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SettingsException(KEY + " " + file + " cannot be read");
    }
    try {
      return ResidencyPolicyReader.read(text);
    } catch (InvalidResidencyPolicyException e) {
      int n = e.mistakes().size();
      throw new SettingsException(
          KEY
              + " "
              + file
              + " has "
              + n
              + (n == 1 ? " mistake" : " mistakes")
              + ":\n  - "
              + String.join("\n  - ", e.mistakes()));
    }
  }

  private static void refuseWritableByOthers(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> p = view.readAttributes().permissions();
    if (p.contains(PosixFilePermission.GROUP_WRITE)
        || p.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new SettingsException(
          KEY + " " + file + " may be changed by group or others; only its owner may write it");
    }
  }
}
