package dev.firebell.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Fails chosen JDBC calls of a running Firebell, the way SQLite's I/O-error tests fail every call
 * in turn: a {@link DataSource} wrapper whose connections and statements throw an {@link
 * SQLException} with the chosen SQLSTATE when the plan says so. Every other call reaches the real
 * database.
 */
public final class FaultInjection {
  private final AtomicInteger calls = new AtomicInteger();
  private volatile Rule rule = Rule.NONE;
  private volatile DataSource database;

  /** When a call fails. */
  private interface Rule {
    Rule NONE = (index, method, sql) -> null;

    /** The SQLSTATE to fail with, or null to let the call through. */
    String fault(int index, String method, String sql);
  }

  /** Pass to {@code App.start(..., wrapper)}. */
  public UnaryOperator<DataSource> wrapper() {
    return real -> {
      database = real;
      return proxy(DataSource.class, real, this::wrapConnection);
    };
  }

  /** A count from the real database, past every fault: what a test checks afterwards. */
  public long count(String sql) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Every statement that writes (INSERT, UPDATE, DELETE, MERGE) fails until {@link #heal()}. */
  public void failWrites(String sqlState) {
    rule = (index, method, sql) -> sql != null && writes(sql) ? sqlState : null;
  }

  /** The {@code n}-th counted call from now (1 is the next one) fails, once. */
  public void failCall(int n, String sqlState) {
    int target = calls.get() + n;
    rule = (index, method, sql) -> index == target ? sqlState : null;
  }

  /** The {@code n}-th statement from now whose SQL contains {@code text} fails, once. */
  public void failStatement(String text, int n, String sqlState) {
    AtomicInteger seen = new AtomicInteger();
    rule =
        (index, method, sql) ->
            sql != null && sql.contains(text) && seen.incrementAndGet() == n ? sqlState : null;
  }

  public void heal() {
    rule = Rule.NONE;
  }

  /** Calls counted so far: statement executions and commits. */
  public int calls() {
    return calls.get();
  }

  private Object wrapConnection(Method method, Object result) {
    return result instanceof Connection connection
        ? proxy(Connection.class, connection, this::wrapStatement)
        : result;
  }

  private Object wrapStatement(Method method, Object result) {
    if (result instanceof PreparedStatement statement) {
      return statementProxy(PreparedStatement.class, statement, null);
    }
    if (result instanceof Statement statement) {
      return statementProxy(Statement.class, statement, null);
    }
    return result;
  }

  /** Counts executions (and commits, through the connection proxy) and fails them by the rule. */
  private <T> T statementProxy(Class<T> type, T real, String sql) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute")) {
            String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
            check(method.getName(), text);
          }
          return invoke(real, method, args);
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private void check(String method, String sql) throws SQLException {
    int index = calls.incrementAndGet();
    String state = rule.fault(index, method, sql);
    if (state != null) {
      String message = "injected fault at call " + index + " (" + method + ")";
      if (state.startsWith("08")) {
        throw new SQLNonTransientConnectionException(message, state);
      }
      if (state.startsWith("40")) {
        throw new SQLTransactionRollbackException(message, state);
      }
      throw new SQLException(message, state);
    }
  }

  private interface ResultWrapper {
    Object wrap(Method method, Object result);
  }

  private <T> T proxy(Class<T> type, T real, ResultWrapper wrapper) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (type == Connection.class && method.getName().equals("commit")) {
            check("commit", null);
          }
          Object result = invoke(real, method, args);
          if (type == Connection.class && method.getName().equals("prepareStatement")) {
            return statementProxy(
                PreparedStatement.class, (PreparedStatement) result, (String) args[0]);
          }
          return wrapper.wrap(method, result);
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object real, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(real, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static boolean writes(String sql) {
    String verb = sql.strip().toUpperCase(Locale.ROOT);
    return verb.startsWith("INSERT")
        || verb.startsWith("UPDATE")
        || verb.startsWith("DELETE")
        || verb.startsWith("MERGE");
  }
}
