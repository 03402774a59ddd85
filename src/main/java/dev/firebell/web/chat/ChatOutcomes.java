package dev.firebell.web.chat;

import dev.firebell.incident.ActionResult;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;

/** What a press or a command in a chat tool did, in the words its reply uses. */
final class ChatOutcomes {
  private ChatOutcomes() {}

  /**
   * @param actor the name of who pressed or asked
   */
  static String text(ActionResult result, OnCall oncall, String actor) {
    String incident = "#" + result.incident().id();
    String by = result.incident().acknowledgedBy();
    String name = by == null ? "someone" : oncall.person(by).map(Person::name).orElse(by);
    return switch (result.outcome()) {
      case ACKNOWLEDGED -> incident + " acknowledged by " + actor + ".";
      case RESOLVED -> incident + " resolved by " + actor + ".";
      case ALREADY_ACKNOWLEDGED -> incident + " was already acknowledged by " + name + ".";
      case ALREADY_RESOLVED -> incident + " is already resolved.";
    };
  }
}
