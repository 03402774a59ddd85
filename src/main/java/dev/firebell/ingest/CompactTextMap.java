package dev.firebell.ingest;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A read-only label or annotation map in one array, in the sender's order. A storm's notification
 * holds 20,000 alerts on the heap until it is recorded, each with its own label set: as {@code
 * LinkedHashMap}s (an object for each entry and a table) they took about 400 bytes each, here about
 * 80. Lookups scan the array, which for a label set's handful of entries is as fast as hashing.
 */
final class CompactTextMap extends AbstractMap<String, String> {
  private final String[] namesAndValues;

  private CompactTextMap(String[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /** The entries of {@code map} in its order, each name and value as {@code share} gives it. */
  static Map<String, String> of(Map<String, String> map, UnaryOperator<String> share) {
    String[] namesAndValues = new String[map.size() * 2];
    int at = 0;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      namesAndValues[at++] = share.apply(entry.getKey());
      namesAndValues[at++] = share.apply(entry.getValue());
    }
    return new CompactTextMap(namesAndValues);
  }

  @Override
  public int size() {
    return namesAndValues.length / 2;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public String get(Object name) {
    int at = indexOf(name);
    return at < 0 ? null : namesAndValues[at + 1];
  }

  private int indexOf(Object name) {
    for (int at = 0; at < namesAndValues.length; at += 2) {
      if (namesAndValues[at].equals(name)) {
        return at;
      }
    }
    return -1;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return CompactTextMap.this.size();
      }

      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int at;

          @Override
          public boolean hasNext() {
            return at < namesAndValues.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            at += 2;
            return new SimpleImmutableEntry<>(namesAndValues[at - 2], namesAndValues[at - 1]);
          }
        };
      }
    };
  }
}
