package dev.firebell;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL run of the suite, skips every test when no PostgreSQL is configured (outside
 * CI), so set-up and clean-up methods do not run against a database that is not there. Registered
 * for all tests through {@code META-INF/services}.
 */
public final class PostgresRunCondition implements ExecutionCondition {
  private static final ConditionEvaluationResult RUN = ConditionEvaluationResult.enabled("");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!TestDatabases.postgresRun() || TestDatabases.postgresConfigured()) {
      return RUN;
    }
    return ConditionEvaluationResult.disabled(TestDatabases.skipMessage());
  }
}
