package com.sovereignstamp.appliance.it;

import java.io.File;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The built appliance WAR with the test's settings in place of its defaults. */
public final class ApplianceDeployments {
  private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

  private ApplianceDeployments() {}

  public static WebArchive war(Map<String, String> settings) {
    File built = TestStamp.MODULE.resolve("target/appliance.war").toFile();
    WebArchive war =
        ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(built).as(WebArchive.class);
    war.delete(CONFIG);
    String properties =
        settings.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
            .collect(Collectors.joining("\n", "", "\n"));
    war.add(new StringAsset(properties), CONFIG);
    return war;
  }
}
