package dev.firebell.ingest;

/** The sender wrote more than {@code ingest.maxBodyBytes}; answered 413. */
final class BodyTooLarge extends RuntimeException {
  BodyTooLarge(long limit) {
    super("the body is larger than ingest.maxBodyBytes (" + limit + " bytes)");
  }
}
