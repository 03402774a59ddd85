package dev.firebell.oncall.contact;

/** A Telegram chat id (a number, or @channelusername). */
public record TelegramContact(String chatId) implements Contact {
  @Override
  public ContactType type() {
    return ContactType.TELEGRAM;
  }
}
