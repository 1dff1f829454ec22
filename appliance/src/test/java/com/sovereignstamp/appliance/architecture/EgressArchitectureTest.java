package com.sovereignstamp.appliance.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.appliance.archfixture.ClientSupplier;
import com.sovereignstamp.appliance.archfixture.JaxRsClientMaker;
import com.sovereignstamp.appliance.archfixture.NameLookup;
import com.sovereignstamp.appliance.archfixture.OwnHttpClient;
import com.sovereignstamp.appliance.archfixture.RequestDrivenDatabase;
import com.sovereignstamp.appliance.archfixture.SocketDialer;
import com.sovereignstamp.appliance.archfixture.UnguardedXksClient;
import com.sovereignstamp.appliance.archfixture.UrlFetcher;
import com.sovereignstamp.appliance.egress.OutboundClients;
import com.sovereignstamp.appliance.persistence.ApplianceDatabase;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stamp's code keeps the egress rules ({@link EgressRules}), and each rule catches a class that
 * breaks it (the fixtures in {@code archfixture}, test code only).
 */
class EgressArchitectureTest {
  static final JavaClasses STAMP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(EgressRules.STAMP_PACKAGES);

  @Test
  void theRulesSeeTheGuard_theXksTransport_andTheAuditLog() {
    assertThat(STAMP.contain(OutboundClients.class)).isTrue();
    assertThat(STAMP.contain("com.sovereignstamp.xks.client.XksTransport")).isTrue();
    assertThat(STAMP.contain("com.sovereignstamp.audit.storage.AuditSchema")).isTrue();
    assertThat(STAMP.contain(SocketDialer.class)).isFalse();
  }

  @Test
  void noClassOutsideTheGuard_opensAConnectionOrLooksANameUp() {
    EgressRules.NO_CONNECTION_OUTSIDE_THE_GUARD.check(STAMP);
  }

  @Test
  void onlyTheGuard_buildsXksClients() {
    EgressRules.XKS_CLIENTS_ONLY_FROM_THE_GUARD.check(STAMP);
  }

  @Test
  void onlyApplianceDatabase_opensDatabaseConnections() {
    EgressRules.DATABASE_CONNECTIONS_ONLY_FROM_ITS_SETUP.check(STAMP);
  }

  @Test
  void onlyTheGuard_opensTheDatabase() {
    EgressRules.DATABASE_OPENED_ONLY_BY_THE_GUARD.check(STAMP);
  }

  @Test
  void theDatabaseUrl_comesFromTheConfigurationOnly() {
    EgressRules.DATABASE_URL_ONLY_FROM_CONFIGURATION.check(STAMP);
  }

  @Test
  void theAppliance_doesNotUseTheAuditLogsCommandLineTool() {
    EgressRules.APPLIANCE_DOES_NOT_USE_THE_AUDIT_CLI.check(STAMP);
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        SocketDialer.class,
        OwnHttpClient.class,
        ClientSupplier.class,
        UrlFetcher.class,
        JaxRsClientMaker.class,
        NameLookup.class
      })
  void aClassThatOpensItsOwnConnection_isCaught(Class<?> fixture) {
    assertCaught(EgressRules.NO_CONNECTION_OUTSIDE_THE_GUARD, fixture, fixture.getSimpleName());
  }

  @Test
  void anXksClientBuiltAroundTheGuard_isCaught() {
    assertCaught(
        EgressRules.XKS_CLIENTS_ONLY_FROM_THE_GUARD,
        UnguardedXksClient.class,
        "XksClient.<init>(com.sovereignstamp.xks.client.XksClientSettings)");
  }

  @Test
  void aDatabaseUrlFromARequest_isCaughtByBothDatabaseRules() {
    assertCaught(
        EgressRules.DATABASE_CONNECTIONS_ONLY_FROM_ITS_SETUP,
        RequestDrivenDatabase.class,
        "DriverManager.getConnection");
    assertCaught(
        EgressRules.DATABASE_URL_ONLY_FROM_CONFIGURATION,
        RequestDrivenDatabase.class,
        "DatabaseSettings.<init>");
  }

  @Test
  void theGuardAndTheDatabaseSetup_areWhereConnectionsAreOpened() {
    // the calls the rules forbid elsewhere are made here, so the rules' exceptions are not idle
    assertThat(STAMP.get(OutboundClients.class).getAccessesFromSelf())
        .anyMatch(EgressRules.OPENS_A_CONNECTION::test);
    assertThat(STAMP.get(ApplianceDatabase.class).getAccessesFromSelf())
        .anyMatch(EgressRules.OPENS_A_DATABASE::test);
  }

  private static void assertCaught(ArchRule rule, Class<?> fixture, String expected) {
    EvaluationResult r = rule.evaluate(new ClassFileImporter().importClasses(fixture));

    assertThat(r.hasViolation()).as("%s breaks: %s", fixture.getSimpleName(), rule).isTrue();
    assertThat(r.getFailureReport().getDetails())
        .anySatisfy(detail -> assertThat(detail).contains(fixture.getName()).contains(expected));
  }
}
