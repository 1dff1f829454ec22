package com.sovereignstamp.appliance.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.sovereignstamp.appliance.egress.OutboundClients;
import com.sovereignstamp.appliance.persistence.ApplianceDatabase;
import com.sovereignstamp.appliance.persistence.DatabaseSettings;
import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.xks.client.HttpConnector;
import com.sovereignstamp.xks.client.XksClient;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The egress discipline as architecture rules (docs/appliance.md "Egress"), over the stamp's own
 * code: the appliance and the libraries in its WAR (xks-client, audit-log, sigv4, content-format,
 * fips-crypto).
 *
 * <ul>
 *   <li>Only the guard ({@code appliance.egress}) opens network connections or looks names up. The
 *       one exception is the XKS client's transport, which configures an HTTP client builder and
 *       hands it to the {@link HttpConnector} its {@link XksClient} was built with: in the stamp
 *       only the guard builds XKS clients, with itself as the connector.
 *   <li>Only {@link ApplianceDatabase} opens database connections (and audit-log's command-line
 *       tool, which the appliance never uses); it is opened only by the guard, with settings built
 *       only from the configuration — a database URL never comes from a request.
 * </ul>
 */
final class EgressRules {
  static final String[] STAMP_PACKAGES = {
    "com.sovereignstamp.appliance",
    "com.sovereignstamp.xks",
    "com.sovereignstamp.audit",
    "com.sovereignstamp.sigv4",
    "com.sovereignstamp.format",
    "com.sovereignstamp.fips"
  };

  private static final String GUARD = "com.sovereignstamp.appliance.egress..";
  private static final String AUDIT_CLI = "com.sovereignstamp.audit.cli..";

  /** Calls (or method references) that open a network connection or send a name lookup. */
  static final DescribedPredicate<JavaAccess<?>> OPENS_A_CONNECTION =
      anyOf(
          "opens a network connection or looks a name up",
          List.of(
              method("java.net.http.HttpClient", "newHttpClient", "newBuilder"),
              method("java.net.http.HttpClient$Builder", "build"),
              method("java.net.URL", "openConnection", "openStream", "getContent"),
              constructorOf("java.net.Socket"),
              constructorOf("java.net.DatagramSocket"),
              method("javax.net.SocketFactory", "createSocket"),
              method("java.nio.channels.SocketChannel", "open"),
              method("java.nio.channels.DatagramChannel", "open"),
              method("java.nio.channels.AsynchronousSocketChannel", "open"),
              method(
                  "java.net.InetAddress",
                  "getByName",
                  "getAllByName",
                  "getLocalHost",
                  "getHostName",
                  "getCanonicalHostName"),
              method("jakarta.ws.rs.client.ClientBuilder", "newClient", "newBuilder", "build"),
              method("org.eclipse.microprofile.rest.client.RestClientBuilder", "newBuilder"),
              constructorOf("javax.naming.directory.InitialDirContext")));

  /** The XKS client's seam: its transport configures a builder, its connector builds it. */
  private static final DescribedPredicate<JavaAccess<?>> XKS_CLIENT_SEAM =
      DescribedPredicate.describe(
          "the XKS client's connector seam",
          call ->
              (from(call, "com.sovereignstamp.xks.client.XksTransport")
                      && method("java.net.http.HttpClient", "newBuilder").test(call))
                  || (from(call, "com.sovereignstamp.xks.client.HttpConnector")
                      && method("java.net.http.HttpClient$Builder", "build").test(call)));

  /** Calls (or method references) that open database connections (or a pool that will). */
  static final DescribedPredicate<JavaAccess<?>> OPENS_A_DATABASE =
      anyOf(
          "opens database connections",
          List.of(
              method("java.sql.DriverManager", "getConnection"),
              method("java.sql.Driver", "connect"),
              constructorOf("javax.sql.DataSource"),
              constructorOf("javax.sql.ConnectionPoolDataSource"),
              constructorOf("javax.sql.XADataSource"),
              method("jakarta.persistence.Persistence", "createEntityManagerFactory"),
              method(
                  "jakarta.persistence.spi.PersistenceProvider",
                  "createEntityManagerFactory",
                  "createContainerEntityManagerFactory")));

  static final ArchRule NO_CONNECTION_OUTSIDE_THE_GUARD =
      noClasses()
          .that()
          .resideOutsideOfPackage(GUARD)
          .should()
          .accessTargetWhere(OPENS_A_CONNECTION.and(DescribedPredicate.not(XKS_CLIENT_SEAM)))
          .orShould()
          .beAnnotatedWith("org.eclipse.microprofile.rest.client.inject.RegisterRestClient")
          .because("every outbound connection goes through the egress guard (OutboundClients)");

  static final ArchRule XKS_CLIENTS_ONLY_FROM_THE_GUARD =
      noClasses()
          .that()
          .resideInAPackage("com.sovereignstamp.appliance..")
          .and()
          .resideOutsideOfPackage(GUARD)
          .should()
          .accessTargetWhere(constructorOf(XksClient.class.getName()))
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(HttpConnector.class)
          .because(
              "an XKS client connects through the connector it is built with: in the stamp, the"
                  + " egress guard (OutboundClients.xksClient)");

  static final ArchRule DATABASE_CONNECTIONS_ONLY_FROM_ITS_SETUP =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(ApplianceDatabase.class.getName())
          .and()
          .resideOutsideOfPackage(AUDIT_CLI)
          .should()
          .accessTargetWhere(OPENS_A_DATABASE)
          .because(
              "database connections are opened by ApplianceDatabase only (audit-log's command-line"
                  + " tool excepted: an operator's offline tool the appliance does not use)");

  static final ArchRule DATABASE_OPENED_ONLY_BY_THE_GUARD =
      noClasses()
          .that()
          .resideOutsideOfPackage(GUARD)
          .and()
          .doNotHaveFullyQualifiedName(ApplianceDatabase.class.getName())
          .should()
          .callMethod(ApplianceDatabase.class, "open", DatabaseSettings.class, StampIdentity.class)
          .orShould()
          .callMethod(ApplianceDatabase.class, "dataSource", DatabaseSettings.class)
          .because(
              "the guard checks the database's hosts first ("
                  + OutboundClients.class.getSimpleName()
                  + ".database)");

  static final ArchRule DATABASE_URL_ONLY_FROM_CONFIGURATION =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.sovereignstamp.appliance.application..")
          .should()
          .callConstructor(
              DatabaseSettings.class, String.class, String.class, String.class, int.class)
          .because(
              "the database URL comes from the configuration (ApplianceSettings, wired by"
                  + " ApplianceRuntime), never from request data");

  static final ArchRule APPLIANCE_DOES_NOT_USE_THE_AUDIT_CLI =
      noClasses()
          .that()
          .resideInAPackage("com.sovereignstamp.appliance..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(AUDIT_CLI)
          .because("audit-log's command-line tool opens databases from its arguments");

  static final ArchRule[] ALL = {
    NO_CONNECTION_OUTSIDE_THE_GUARD,
    XKS_CLIENTS_ONLY_FROM_THE_GUARD,
    DATABASE_CONNECTIONS_ONLY_FROM_ITS_SETUP,
    DATABASE_OPENED_ONLY_BY_THE_GUARD,
    DATABASE_URL_ONLY_FROM_CONFIGURATION,
    APPLIANCE_DOES_NOT_USE_THE_AUDIT_CLI
  };

  private EgressRules() {}

  /** A call to one of {@code names} on {@code owner} or a subtype of it. */
  private static DescribedPredicate<JavaAccess<?>> method(String owner, String... names) {
    return DescribedPredicate.describe(
        owner + "." + String.join("|", names),
        call ->
            isAssignableTo(call.getTargetOwner(), owner)
                && Arrays.asList(names).contains(call.getName()));
  }

  /** A constructor of {@code type} or of a subtype of it. */
  private static DescribedPredicate<JavaAccess<?>> constructorOf(String type) {
    return DescribedPredicate.describe(
        "new " + type,
        call -> call.getName().equals("<init>") && isAssignableTo(call.getTargetOwner(), type));
  }

  private static boolean isAssignableTo(JavaClass owner, String type) {
    return owner.getName().equals(type) || owner.isAssignableTo(type);
  }

  private static boolean from(JavaAccess<?> call, String className) {
    return call.getOriginOwner().getName().equals(className);
  }

  private static DescribedPredicate<JavaAccess<?>> anyOf(
      String description, List<DescribedPredicate<JavaAccess<?>>> predicates) {
    return DescribedPredicate.describe(
        description, call -> predicates.stream().anyMatch(p -> p.test(call)));
  }
}
