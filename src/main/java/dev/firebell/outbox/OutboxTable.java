package dev.firebell.outbox;

/** The tables sent through {@link LeasedRows}; each package that owns one names it here. */
public enum OutboxTable {
  PAGE_DELIVERY("page_delivery"),
  NOTICE_DELIVERY("notice_delivery"),
  PAGE_DIGEST("page_digest"),
  SILENCE("silence"),
  ANNOTATION("annotation");

  private final String tableName;

  OutboxTable(String tableName) {
    this.tableName = tableName;
  }

  String tableName() {
    return tableName;
  }
}
