package dev.firebell.incident.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one set of limits the API and the web interface both apply to an edit. */
class IncidentEditTest {
  private static final Set<String> SEVERITIES = Set.of("SEV-1", "SEV-2");

  @Test
  void anEditSetsOnlyTheFieldsGivenAndANullClearsOne() {
    IncidentEdit edit =
        IncidentEdit.builder(SEVERITIES)
            .title("Checkout down")
            .text(EditField.SUMMARY, null)
            .actionItems(null)
            .build();
    assertThat(edit.fields())
        .containsExactlyInAnyOrder(EditField.TITLE, EditField.SUMMARY, EditField.ACTION_ITEMS);
    assertThat(edit.summary()).isNull();
    assertThat(edit.actionItems()).isEmpty();
    assertThat(edit.sets(EditField.SEVERITY)).isFalse();
  }

  @Test
  void aTitleIsRequiredAndAtMostAThousandCharacters() {
    assertThat(IncidentEdit.builder(SEVERITIES).title("x".repeat(1000)).build().title())
        .hasSize(1000);
    assertInvalid(() -> IncidentEdit.builder(SEVERITIES).title(" "), "title");
    assertInvalid(() -> IncidentEdit.builder(SEVERITIES).title("x".repeat(1001)), "title");
  }

  @Test
  void theSeverityIsOneOfTheConfiguredOnes() {
    assertThat(IncidentEdit.builder(SEVERITIES).severity("SEV-2").build().severity())
        .isEqualTo("SEV-2");
    assertInvalid(() -> IncidentEdit.builder(SEVERITIES).severity("SEV-9"), "severity");
  }

  @Test
  void everyFreeTextIsAtMostTwentyThousandCharacters() {
    for (EditField field :
        List.of(
            EditField.SUMMARY,
            EditField.ROOT_CAUSE,
            EditField.RESOLUTION,
            EditField.DETECTION_NOTES)) {
      IncidentEdit.builder(SEVERITIES).text(field, "x".repeat(20_000));
      assertInvalid(
          () -> IncidentEdit.builder(SEVERITIES).text(field, "x".repeat(20_001)), field.wireName());
    }
  }

  @Test
  void impactCountsAreNotNegativeAndThePercentageIsAPercentage() {
    assertInvalid(
        () -> IncidentEdit.builder(SEVERITIES).impact(new Impact(null, 100.5, null, null, null)),
        "impact.usersAffectedPercent");
    assertInvalid(
        () -> IncidentEdit.builder(SEVERITIES).impact(new Impact(-1L, null, null, null, null)),
        "impact.usersAffected");
    assertThat(
            IncidentEdit.builder(SEVERITIES)
                .impact(new Impact(0L, 100.0, 3L, 7L, "checkout"))
                .build()
                .impact()
                .usersAffectedPercent())
        .isEqualTo(100.0);
  }

  @Test
  void anActionItemNeedsText() {
    assertInvalid(
        () ->
            IncidentEdit.builder(SEVERITIES)
                .actionItems(
                    List.of(
                        new ActionItem("Add an alert", null, null),
                        new ActionItem("", "sam", null))),
        "actionItems[1].text");
  }

  @Test
  void aNoteIsRequiredAndAtMostFourThousandCharacters() {
    assertThat(IncidentEdit.note("Rolled back")).isEqualTo("Rolled back");
    assertInvalid(() -> IncidentEdit.note(null), "text");
    assertInvalid(() -> IncidentEdit.note("x".repeat(4001)), "text");
  }

  @Test
  void fieldsAreNamedAsTheApiNamesThem() {
    assertThat(Arrays.stream(EditField.values()).map(EditField::wireName))
        .containsExactly(
            "title",
            "severity",
            "summary",
            "impact",
            "rootCause",
            "resolution",
            "detectionNotes",
            "actionItems");
  }

  private static void assertInvalid(Runnable edit, String field) {
    assertThatThrownBy(edit::run)
        .isInstanceOfSatisfying(
            InvalidEdit.class, invalid -> assertThat(invalid.field()).isEqualTo(field));
  }
}
