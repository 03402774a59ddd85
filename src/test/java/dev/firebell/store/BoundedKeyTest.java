package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedKeyTest {

  @Test
  void aValueThatFitsIsItsOwnKey() {
    assertThat(BoundedKey.of("fac0861a85de433a", 128)).isEqualTo("fac0861a85de433a");
    assertThat(BoundedKey.isDigested("fac0861a85de433a", 128)).isFalse();
  }

  @Test
  void longValuesThatDifferOnlyAtTheEndGetDifferentKeysThatFit() {
    String common = "x".repeat(5_000);
    String first = BoundedKey.of(common + "1", 128);
    String second = BoundedKey.of(common + "2", 128);
    assertThat(first).hasSizeLessThanOrEqualTo(128).isNotEqualTo(second);
    assertThat(BoundedKey.of(common + "1", 128)).isEqualTo(first);
    assertThat(BoundedKey.isDigested(common, 128)).isTrue();
  }

  @Test
  void theKeptStartNeverEndsInHalfASurrogatePair() {
    String value = "a".repeat(62) + "🔥".repeat(100);
    String key = BoundedKey.of(value, 128);
    assertThat(key).hasSizeLessThanOrEqualTo(128);
    assertThat(key.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)).isTrue();
  }
}
