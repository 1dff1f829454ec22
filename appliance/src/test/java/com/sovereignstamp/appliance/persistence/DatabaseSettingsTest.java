package com.sovereignstamp.appliance.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.appliance.residency.Destination;
import org.junit.jupiter.api.Test;

/** Where the database connections go, read as the drivers read the URL. */
class DatabaseSettingsTest {
  static DatabaseSettings url(String jdbcUrl) {
    return new DatabaseSettings(jdbcUrl, "stamp", "", 1);
  }

  @Test
  void aPostgreSqlUrl_goesToItsHostAndPort() {
    assertThat(url("jdbc:postgresql://127.0.0.1:5433/stamp?currentSchema=s").endpoints())
        .containsExactly(new Destination("127.0.0.1", 5433));
  }

  @Test
  void withoutHostOrPort_thePostgreSqlDefaultsApply() {
    assertThat(url("jdbc:postgresql:stamp").endpoints())
        .containsExactly(new Destination("localhost", 5432));
  }

  @Test
  void everyHostOfAFailoverList_isADestination() {
    assertThat(url("jdbc:postgresql://[::1]:5433,db.eu-de.internal/stamp").endpoints())
        .containsExactly(new Destination("::1", 5433), new Destination("db.eu-de.internal", 5432));
  }

  @Test
  void aHostInTheQuery_replacesTheOneInTheAuthority_asTheDriverDoes() {
    assertThat(url("jdbc:postgresql://127.0.0.1/stamp?host=198.51.100.7").endpoints())
        .containsExactly(new Destination("198.51.100.7", 5432));
  }

  @Test
  void anEmbeddedH2Database_goesNowhere() {
    assertThat(url("jdbc:h2:file:/var/lib/stamp/data;MODE=LEGACY").endpoints()).isEmpty();
    assertThat(url("jdbc:h2:mem:test").endpoints()).isEmpty();
  }

  @Test
  void anH2Server_isADestination() {
    assertThat(url("jdbc:h2:tcp://db.eu-de.internal/stamp").endpoints())
        .containsExactly(new Destination("db.eu-de.internal", 9092));
    assertThat(url("jdbc:h2:ssl://10.0.0.5:9101,10.0.0.6:9102/stamp").endpoints())
        .containsExactly(new Destination("10.0.0.5", 9101), new Destination("10.0.0.6", 9102));
  }
}
