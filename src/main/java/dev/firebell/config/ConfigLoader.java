package dev.firebell.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.firebell.json.JsonPaths;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.load.OnCallFile;
import dev.firebell.oncall.load.OnCallLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads {@code firebell.yaml}: parse, expand {@code ${ENV}} references, bind to records (unknown
 * keys are errors), then validate. Every failure is one {@link ConfigException} line.
 */
public final class ConfigLoader {
  private final Map<String, String> environment;

  public ConfigLoader(Map<String, String> environment) {
    this.environment = environment;
  }

  public FirebellConfig load(Path file) {
    FirebellConfig config = read(file, FirebellConfig.class);
    new ConfigValidator(file.toString()).validate(config);
    return config;
  }

  /** Reads the on-call file named by {@code oncall.file}, checked against the main config. */
  public OnCall loadOnCall(FirebellConfig config, Path configFile) {
    Path file = onCallPath(config, configFile);
    OnCall oncall =
        !config.oncall().isExplicit() && !Files.exists(file)
            ? OnCall.empty()
                .withWarnings(List.of("no on-call file (" + file + "): incidents page nobody"))
            : new OnCallLoader(file.toString(), config).load(read(file, OnCallFile.class));
    if (!file.equals(config.oncall().path(configFile))) {
      List<String> warnings = new java.util.ArrayList<>(oncall.warnings());
      warnings.add(
          "oncall.file '"
              + config.oncall().fromWorkingDirectory()
              + "' was read from the working directory; name it relative to "
              + configFile
              + "'s folder ("
              + config.oncall().path(configFile)
              + " does not exist)");
      oncall = oncall.withWarnings(List.copyOf(warnings));
    }
    for (int i = 0; i < config.users().size(); i++) {
      String person = config.users().get(i).person();
      if (oncall.person(person).isEmpty()) {
        throw new ConfigException(
            configFile.toString(),
            "users[" + i + "].person",
            "unknown person '" + person + "' (people are listed in " + file + ")");
      }
    }
    return oncall;
  }

  /**
   * The on-call file: {@code oncall.file} relative to the config file's folder, or, when only the
   * working directory has it (as earlier releases read it), that one.
   */
  public static Path onCallPath(FirebellConfig config, Path configFile) {
    Path beside = config.oncall().path(configFile);
    Path legacy = config.oncall().fromWorkingDirectory().toAbsolutePath().normalize();
    return !Files.exists(beside) && Files.exists(legacy) ? legacy : beside;
  }

  /** Reads the on-call file again each time it is asked, for a reload. */
  public Supplier<OnCall> onCallSource(FirebellConfig config, Path configFile) {
    return () -> loadOnCall(config, configFile);
  }

  private <T> T read(Path file, Class<T> type) {
    String name = file.toString();
    JsonNode tree = readTree(file, name);
    new EnvExpander(environment, name).expand(tree, "");
    return bind(tree, name, type);
  }

  private static JsonNode readTree(Path file, String name) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(name, "cannot read the file (" + e + ")");
    }
    try {
      JsonNode tree = new YAMLMapper().readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return new ObjectMapper().createObjectNode();
      }
      if (!tree.isObject()) {
        throw new ConfigException(name, "the file must be a YAML mapping of sections");
      }
      return tree;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      String problem = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      throw new ConfigException(name, "is not valid YAML" + where + ": " + problem);
    }
  }

  private static <T> T bind(JsonNode tree, String name, Class<T> type) {
    try {
      return configMapper().treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
      throw new ConfigException(name, path(e), "unknown key (known keys here: " + known + ")");
    } catch (InvalidFormatException e) {
      throw new ConfigException(
          name,
          path(e),
          "'" + e.getValue() + "' is not a valid " + typeName(e.getTargetType()) + detail(e));
    } catch (MismatchedInputException e) {
      throw new ConfigException(name, path(e), "expected " + typeName(e.getTargetType()));
    } catch (JsonMappingException e) {
      throw new ConfigException(name, path(e), e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new ConfigException(name, e.getOriginalMessage());
    }
  }

  private static String detail(InvalidFormatException e) {
    return e.getTargetType() == Duration.class ? " (write it like 30s, 5m, 1h30m or 1d)" : "";
  }

  static ObjectMapper configMapper() {
    SimpleModule durations = new SimpleModule().addDeserializer(Duration.class, new Durations());
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .addModule(durations)
        .build();
  }

  private static String path(JsonMappingException e) {
    return JsonPaths.of(e, "");
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Duration.class) {
      return "duration";
    }
    if (type == String.class) {
      return "text";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a mapping";
    }
    return "a mapping of " + type.getSimpleName().replace("Config", "").toLowerCase() + " settings";
  }

  /** Durations as text, so {@code 5m} in YAML means five minutes. */
  private static final class Durations extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = parser.getValueAsString();
      try {
        return DurationParser.parse(text);
      } catch (IllegalArgumentException e) {
        throw InvalidFormatException.from(parser, e.getMessage(), text, Duration.class);
      }
    }
  }
}
