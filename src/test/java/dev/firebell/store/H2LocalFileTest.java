package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which H2 URLs name a local file, and the URL Firebell opens such a file with. */
class H2LocalFileTest {
  @Test
  void aFileUrlOrAPlainPathNamesALocalFile() {
    assertThat(H2LocalFile.name("jdbc:h2:file:./data/firebell;MODE=PostgreSQL"))
        .contains("./data/firebell");
    assertThat(H2LocalFile.name("jdbc:h2:~/firebell")).contains("~/firebell");
    assertThat(H2LocalFile.name("jdbc:h2:/var/lib/firebell/db")).contains("/var/lib/firebell/db");
    assertThat(H2LocalFile.name("jdbc:h2:C:/firebell/db")).contains("C:/firebell/db");
  }

  @Test
  void memoryServersAndH2sOtherFileSystemsAreNotLocalFiles() {
    assertThat(H2LocalFile.name("jdbc:h2:mem:test")).isEmpty();
    assertThat(H2LocalFile.name("jdbc:h2:tcp://localhost/~/firebell")).isEmpty();
    assertThat(H2LocalFile.name("jdbc:h2:nio:./data/firebell")).isEmpty();
    assertThat(H2LocalFile.name("jdbc:h2:split:./data/firebell")).isEmpty();
    assertThat(H2LocalFile.name("jdbc:postgresql://localhost/firebell")).isEmpty();
  }

  @Test
  void aLocalFileIsOpenedThroughTheGradualCutWithItsSettingsKept() {
    assertThat(Database.h2Url("jdbc:h2:file:./data/firebell;COMPRESS=FALSE"))
        .startsWith("jdbc:h2:gradualcut:./data/firebell;COMPRESS=FALSE;MODE=PostgreSQL");
    assertThat(Database.h2Url("jdbc:h2:~/firebell")).startsWith("jdbc:h2:gradualcut:~/firebell;");
    assertThat(Database.h2Url("jdbc:h2:mem:test")).startsWith("jdbc:h2:mem:test;");
    assertThat(Database.h2Url("jdbc:h2:nio:./data/firebell"))
        .startsWith("jdbc:h2:nio:./data/firebell;");
  }
}
